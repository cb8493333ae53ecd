import { formatCount, formatDay, formatDuration, formatInstant, formatMoney, formatRate, reportLocale } from '../../src/reports/report-format';

describe('report formatting for people', () => {
  it.each([
    ['IN', 'en-IN'],
    ['in', 'en-IN'],
    ['US', 'en-US'],
    ['GB', 'en-GB'],
    ['ZZ', 'en-US'],
  ])('locale of region %s is %s', (region, locale) => {
    expect(reportLocale(region)).toBe(locale);
  });

  it.each([
    [123456.789, 'USD', 'en-IN', '$1,23,456.79'],
    [123456.789, 'INR', 'en-IN', '₹1,23,456.79'],
    [123456.789, 'USD', 'en-US', '$123,456.79'],
    [0.5, 'USD', 'en-IN', '$0.50'],
    [0, 'INR', 'en-IN', '₹0.00'],
    [null, 'USD', 'en-IN', '—'],
  ] as const)('money %p %s in %s → %s', (amount, currency, locale, text) => {
    expect(formatMoney(amount, currency, locale)).toBe(text);
  });

  it.each([
    [1234567, 'en-IN', '12,34,567'],
    [1234567, 'en-US', '1,234,567'],
    [0, 'en-IN', '0'],
    [null, 'en-IN', '—'],
  ])('count %p in %s → %s', (n, locale, text) => {
    expect(formatCount(n, locale)).toBe(text);
  });

  it.each([
    [0.625, '62.5%'],
    [1 / 3, '33.3%'],
    [1, '100%'],
    [0, '0%'],
    [null, '—'],
  ])('rate %p → %s', (r, text) => {
    expect(formatRate(r, 'en-IN')).toBe(text);
  });

  it.each([
    [125.4, '2:05'],
    [59.6, '1:00'],
    [0, '0:00'],
    [3600, '60:00'],
    [null, '—'],
  ])('duration %p s → %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });

  it('days and instants on the tenant clock', () => {
    expect(formatDay('2026-11-01', 'en-IN')).toBe('1 Nov 2026');
    expect(formatDay('2026-11-01', 'en-US')).toBe('Nov 1, 2026');
    // 18:45 UTC is already the next day in India.
    expect(formatInstant(new Date('2026-11-21T18:45:00Z'), 'Asia/Kolkata', 'en-IN')).toBe('22 Nov 2026, 12:15 am IST');
    expect(formatInstant(new Date('2026-11-21T18:45:00Z'), 'UTC', 'en-IN')).toBe('21 Nov 2026, 6:45 pm UTC');
  });
});
