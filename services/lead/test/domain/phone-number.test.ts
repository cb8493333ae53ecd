import { normalizePhone } from '../../src/domain/phone-number';

describe('normalizePhone', () => {
  it.each([
    ['+91 98200 12345', 'IN', '+919820012345', 'IN'],
    ['09820012346', 'IN', '+919820012346', 'IN'],
    ['9820012347', 'IN', '+919820012347', 'IN'],
    ['91-98200-12348', 'IN', '+919820012348', 'IN'],
    ['+91 (982) 001-2350', 'IN', '+919820012350', 'IN'],
    ['98200 12351', 'IN', '+919820012351', 'IN'],
    ['+44 7700 900123', 'IN', '+447700900123', 'GB'],
    ['+1 (415) 555-0132', 'IN', '+14155550132', 'US'],
    ['+971 50 123 4567', 'IN', '+971501234567', 'AE'],
    ['(415) 555-0132', 'US', '+14155550132', 'US'],
  ])('%s in %s → %s (%s)', (raw, region, e164, country) => {
    expect(normalizePhone(raw, region)).toEqual({ ok: true, e164, country });
  });

  it.each([
    ['12345', /not a possible phone number \(5 digits\)/],
    ['', /is required/],
    ['call me maybe', /is not a phone number/],
    ['+91 98200 1234567890', /not a possible phone number/],
  ])('rejects %j', (raw, message) => {
    const result = normalizePhone(raw, 'IN');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
