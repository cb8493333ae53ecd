import { isCallable, nextCallableAt, zonedInstant } from '../../src/domain/calling-window';

const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const policy = { days: [...ALL_DAYS], windowStart: '09:00', windowEnd: '20:00' };
const legal = { start: '08:00', end: '21:00' };
const at = (iso: string) => new Date(iso);

describe('calling window in the lead\'s own time zone', () => {
  it.each([
    // zone, instant (UTC), callable?
    ['Asia/Kolkata', '2026-11-23T03:30:00Z', true], // 09:00 IST
    ['Asia/Kolkata', '2026-11-23T03:29:00Z', false], // 08:59 IST
    ['Asia/Kolkata', '2026-11-23T14:29:00Z', true], // 19:59 IST
    ['Asia/Kolkata', '2026-11-23T14:30:00Z', false], // 20:00 IST: the window is half-open
    ['Europe/London', '2026-03-28T09:00:00Z', true], // Saturday before DST: 09:00 GMT
    ['Europe/London', '2026-03-29T07:30:00Z', false], // DST day: 08:30 BST
    ['Europe/London', '2026-03-29T08:00:00Z', true], // DST day: 09:00 BST
    ['Europe/London', '2026-10-24T08:00:00Z', true], // last BST Saturday: 09:00 BST
    ['Europe/London', '2026-10-25T08:30:00Z', false], // DST ends: 08:30 GMT
    ['Europe/London', '2026-10-25T09:00:00Z', true], // 09:00 GMT
    ['America/Los_Angeles', '2026-03-07T17:00:00Z', true], // 09:00 PST
    ['America/Los_Angeles', '2026-03-08T16:00:00Z', true], // DST starts: 09:00 PDT
    ['America/Los_Angeles', '2026-03-08T15:59:00Z', false], // 08:59 PDT
    ['America/Los_Angeles', '2026-10-31T16:00:00Z', true], // 09:00 PDT
    ['America/Los_Angeles', '2026-11-01T16:30:00Z', false], // DST ended: 08:30 PST
    ['America/Los_Angeles', '2026-11-01T17:00:00Z', true], // 09:00 PST
  ])('%s at %s: %s', (zone, instant, expected) => {
    expect(isCallable(at(instant), zone, policy, legal)).toBe(expected);
  });

  it.each([
    // zone, now, next callable instant
    ['Asia/Kolkata', '2026-11-23T01:00:00Z', '2026-11-23T03:30:00.000Z'],
    ['Asia/Kolkata', '2026-11-23T15:00:00Z', '2026-11-24T03:30:00.000Z'],
    ['Europe/London', '2026-03-28T21:00:00Z', '2026-03-29T08:00:00.000Z'], // across the spring change
    ['Europe/London', '2026-10-24T20:00:00Z', '2026-10-25T09:00:00.000Z'], // across the autumn change
    ['America/Los_Angeles', '2026-03-08T05:00:00Z', '2026-03-08T16:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-01T05:00:00Z', '2026-11-01T17:00:00.000Z'],
  ])('%s from %s: next at %s', (zone, now, next) => {
    expect(nextCallableAt(at(now), zone, policy, legal)?.toISOString()).toBe(next);
  });

  it('is now when already inside the window', () => {
    const now = at('2026-11-23T06:00:00Z');
    expect(nextCallableAt(now, 'Asia/Kolkata', policy, legal)).toBe(now);
  });

  it('cuts a campaign window to the legal one, never widens it', () => {
    const wide = { days: [...ALL_DAYS], windowStart: '06:00', windowEnd: '23:30' };
    expect(isCallable(at('2026-11-23T02:00:00Z'), 'Asia/Kolkata', wide, legal)).toBe(false); // 07:30 IST
    expect(isCallable(at('2026-11-23T02:30:00Z'), 'Asia/Kolkata', wide, legal)).toBe(true); // 08:00 IST
    expect(isCallable(at('2026-11-23T15:30:00Z'), 'Asia/Kolkata', wide, legal)).toBe(false); // 21:00 IST
  });

  it('skips days the campaign does not call on', () => {
    const weekdays = { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, windowStart: '09:00', windowEnd: '20:00' };
    // Friday 2026-11-27 20:30 IST → Monday 09:00 IST
    expect(nextCallableAt(at('2026-11-27T15:00:00Z'), 'Asia/Kolkata', { ...weekdays, days: [...weekdays.days] }, legal)?.toISOString()).toBe('2026-11-30T03:30:00.000Z');
  });

  it('has no next time for an empty window', () => {
    expect(nextCallableAt(at('2026-11-23T00:00:00Z'), 'Asia/Kolkata', { days: [...ALL_DAYS], windowStart: '21:30', windowEnd: '22:00' }, legal)).toBeNull();
  });

  it('finds wall-clock instants across DST', () => {
    expect(zonedInstant('Europe/London', 2026, 3, 29, 9, 0).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(zonedInstant('America/Los_Angeles', 2026, 11, 1, 9, 0).toISOString()).toBe('2026-11-01T17:00:00.000Z');
    expect(zonedInstant('Asia/Kolkata', 2026, 12, 32, 9, 0).toISOString()).toBe('2027-01-01T03:30:00.000Z');
  });
});
