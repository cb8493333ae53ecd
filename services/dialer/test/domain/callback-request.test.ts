import { checkCallbackTime, spokenTime } from '../../src/domain/callback-request';

const policy = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[], windowStart: '09:00', windowEnd: '20:00' };
const legal = { start: '08:00', end: '21:00' };
// Friday 20 Nov 2026, 11:00 in Mumbai.
const now = new Date('2026-11-20T05:30:00Z');

describe('a call back someone asks for', () => {
  it.each([
    ['tomorrow at 5 pm Mumbai time', '2026-11-21T17:00:00+05:30', { ok: true }],
    ['in two minutes: too soon, the nearest is offered', '2026-11-20T11:02:00+05:30', { ok: false, reason: 'too_soon', suggestion: '2026-11-20T05:35:00.000Z' }],
    ['in the past', '2026-11-19T17:00:00+05:30', { ok: false, reason: 'too_soon' }],
    ['Saturday 8:30 pm: after the window, Monday 9 am offered (Sunday is off)', '2026-11-21T20:30:00+05:30', { ok: false, reason: 'outside_window', suggestion: '2026-11-23T03:30:00.000Z' }],
    ['Sunday noon: not a calling day', '2026-11-22T12:00:00+05:30', { ok: false, reason: 'outside_window', suggestion: '2026-11-23T03:30:00.000Z' }],
    ['three months out', '2027-02-20T12:00:00+05:30', { ok: false, reason: 'too_far', suggestion: null }],
  ])('%s', (_name, when, expected) => {
    const check = checkCallbackTime(new Date(when), now, 'Asia/Kolkata', policy, legal);
    const flat = { ...check, ...('suggestion' in check ? { suggestion: check.suggestion?.toISOString() ?? null } : {}) };
    expect(flat).toMatchObject(expected);
  });

  it('refuses every time when the window is empty', () => {
    expect(checkCallbackTime(new Date('2026-11-21T12:00:00+05:30'), now, 'Asia/Kolkata', { ...policy, windowStart: '21:00', windowEnd: '22:00' }, legal)).toEqual({ ok: false, reason: 'never_callable', suggestion: null });
  });

  it('reads the time back on the lead’s own clock, across a DST change', () => {
    expect(spokenTime(new Date('2026-11-21T11:30:00Z'), 'Asia/Kolkata')).toBe('Saturday 21 November at 5:00 pm');
    expect(spokenTime(new Date('2026-03-29T09:15:00Z'), 'Europe/London')).toBe('Sunday 29 March at 10:15 am');
    expect(spokenTime(new Date('2026-11-02T17:00:00Z'), 'America/Los_Angeles')).toBe('Monday 2 November at 9:00 am');
  });
});
