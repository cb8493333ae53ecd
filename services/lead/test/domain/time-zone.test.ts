import { defaultTimeZoneForCountry, isValidTimeZone } from '../../src/domain/time-zone';

describe('time zones', () => {
  it.each([
    ['Asia/Kolkata', true],
    ['Asia/Calcutta', true],
    ['America/Los_Angeles', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    ['Asia/Kolkata; drop table', false],
  ])('isValidTimeZone(%j) = %s', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });

  it.each([
    ['IN', 'Asia/Kolkata', false],
    ['GB', 'Europe/London', false],
    ['AE', 'Asia/Dubai', false],
    ['US', 'America/New_York', true],
    ['AU', 'Australia/Sydney', true],
  ])('default zone for %s is %s (ambiguous: %s)', (country, zone, ambiguous) => {
    expect(defaultTimeZoneForCountry(country)).toEqual({ zone, ambiguous });
  });

  it('has no default for an unknown country', () => {
    expect(defaultTimeZoneForCountry('ZZ')).toBeNull();
    expect(defaultTimeZoneForCountry(null)).toBeNull();
  });
});
