import { parseInrPrice } from '../../src/domain/inr-price';

const CR = 10_000_000;
const L = 100_000;

describe('parseInrPrice', () => {
  it.each([
    ['₹45 Cr', 45 * CR, 45 * CR],
    ['₹12 Cr - ₹15 Cr', 12 * CR, 15 * CR],
    ['8.5 crore', 85 * L * 10, 85 * L * 10],
    ['₹3.2 Cr', 32 * CR / 10, 32 * CR / 10],
    ['12-15 Cr', 12 * CR, 15 * CR],
    ['Rs. 3.2 cr to 4 cr', 32 * CR / 10, 4 * CR],
    ['75 L', 75 * L, 75 * L],
    ['50 lakh – 1.2 crore', 50 * L, 12 * CR / 10],
    ['₹ 4,50,00,000', 45_000_000, 45_000_000],
    ['INR 1,200,000', 1_200_000, 1_200_000],
    ['90 lakhs', 90 * L, 90 * L],
    ['₹6 Cr - ₹7 Cr', 6 * CR, 7 * CR],
  ])('%s', (raw, min, max) => {
    expect(parseInrPrice(raw)).toEqual({ ok: true, minInr: min, maxInr: max });
  });

  it.each([
    ['', /empty/],
    ['call for price', /not a price/],
    ['15 Cr - 12 Cr', /low end is above/],
    ['5 bananas', /unknown unit "bananas"/],
    ['1-2-3 Cr', /not a price/],
    ['0 Cr', /more than zero/],
  ])('rejects %j', (raw, message) => {
    const result = parseInrPrice(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
