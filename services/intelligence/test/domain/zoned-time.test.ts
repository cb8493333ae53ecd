import { formatInZone, offsetMinutes, zonedTimeToInstant } from '../../src/domain/zoned-time';

describe('zoned time with Intl', () => {
  it.each([
    ['Asia/Kolkata', '2026-11-20T00:00:00Z', 330],
    ['Europe/London', '2026-03-29T00:59:00Z', 0],
    ['Europe/London', '2026-03-29T01:00:00Z', 60],
    ['America/Los_Angeles', '2026-11-01T08:59:00Z', -420],
    ['America/Los_Angeles', '2026-11-01T09:00:00Z', -480],
  ])('offset of %s at %s is %d', (zone, iso, expected) => {
    expect(offsetMinutes(new Date(iso), zone)).toBe(expected);
  });

  it.each([
    ['a plain IST time', [2026, 11, 21, 18, 0], 'Asia/Kolkata', '2026-11-21T18:00:00+05:30'],
    ['London summer', [2026, 7, 1, 9, 0], 'Europe/London', '2026-07-01T09:00:00+01:00'],
    ['London gap: 01:30 does not exist on 29 Mar', [2026, 3, 29, 1, 30], 'Europe/London', '2026-03-29T02:30:00+01:00'],
    ['LA repeated hour: first 01:30 (PDT)', [2026, 11, 1, 1, 30], 'America/Los_Angeles', '2026-11-01T01:30:00-07:00'],
    ['New York winter', [2026, 12, 1, 20, 0], 'America/New_York', '2026-12-01T20:00:00-05:00'],
  ])('%s', (_name, [y, mo, d, h, mi], zone, expected) => {
    expect(formatInZone(zonedTimeToInstant(y!, mo!, d!, h!, mi!, zone), zone)).toBe(expected);
  });
});
