import { uuid7 } from '../src/ids/uuid7';

describe('uuid7', () => {
  it('is a version 7, variant 10 uuid', () => {
    const id = uuid7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('carries its millisecond timestamp in the first 48 bits, so ids sort by time', () => {
    const t = Date.UTC(2026, 10, 22, 10, 0, 0, 123);
    const id = uuid7(t);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(t);
    const later = uuid7(t + 1);
    expect([later, id].sort()).toEqual([id, later]);
  });

  it('differs between calls in the same millisecond', () => {
    const t = Date.now();
    const ids = new Set(Array.from({ length: 1000 }, () => uuid7(t)));
    expect(ids.size).toBe(1000);
  });
});
