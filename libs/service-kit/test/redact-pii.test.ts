import { Writable } from 'node:stream';
import { createLogger } from '../src/logging/logger';
import { redactPii, redactText } from '../src/logging/redact-pii';

describe('redactText', () => {
  it.each([
    ['call +91 98200 12345 now', 'call +***45 now'],
    ['mail priya.r@example.in please', 'mail p***@example.in please'],
    ['(982) 001-2350 and 09820012346', '***50 and ***46'],
    ['lead 0193a2b3-7a40-7000-8000-123456789012 ok', 'lead 0193a2b3-7a40-7000-8000-123456789012 ok'],
    ['at 2026-11-22T10:00:00Z, 2026-11-22', 'at 2026-11-22T10:00:00Z, 2026-11-22'],
    ['took 1234 ms for 35 rows', 'took 1234 ms for 35 rows'],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });
});

describe('redactPii', () => {
  it('masks phone-named fields whatever their shape, and walks nested objects and arrays', () => {
    expect(redactPii({ phone: '12345', lead: { email: 'A@B.co', to: '+14155550132' }, list: ['x@y.io'] })).toEqual({
      phone: '***45',
      lead: { email: 'A***@B.co', to: '+***32' },
      list: ['x***@y.io'],
    });
  });

  it('keeps numbers and booleans as they are', () => {
    expect(redactPii({ count: 9820012345, ok: true })).toEqual({ count: 9820012345, ok: true });
  });
});

describe('createLogger', () => {
  it('never writes a phone or email to the log stream, and keeps the correlation id', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const child = createLogger('test', 'info', sink).child({ correlationId: 'c-1' });
    child.info({ lead: { phone: '+919820012345', email: 'neha@example.in' } }, 'called +91 98200 12345');
    child.error({ err: new Error('could not reach +44 7700 900123') }, 'failed');
    const out = lines.join('');
    expect(lines).toHaveLength(2);
    expect(out).toContain('"correlationId":"c-1"');
    expect(out).not.toContain('9820012345');
    expect(out).not.toContain('98200 12345');
    expect(out).not.toContain('7700 900123');
    expect(out).not.toContain('neha@example.in');
    expect(out).toContain('n***@example.in');
  });
});
