import { scoreLead, type ScoreInput } from '../../src/domain/lead-score';

const now = new Date('2026-11-22T10:00:00Z');
const CR = 10_000_000;
const base: ScoreInput = {
  budgetMinInr: null,
  budgetMaxInr: null,
  priceMinInr: null,
  priceMaxInr: null,
  purchaseTimeline: null,
  financingStatus: null,
  lastContactedAt: null,
  leadSource: 'csv_import',
};

describe('scoreLead', () => {
  it.each<[string, Partial<ScoreInput>, number]>([
    ['an unknown csv lead', {}, 4],
    ['price known only', { priceMinInr: 45 * CR, priceMaxInr: 45 * CR }, 14],
    ['budget fits the price', { budgetMinInr: 40 * CR, budgetMaxInr: 50 * CR, priceMinInr: 45 * CR, priceMaxInr: 45 * CR }, 34],
    ['budget 15% short', { budgetMaxInr: 38 * CR, priceMinInr: 45 * CR, priceMaxInr: 45 * CR }, 19],
    ['budget far short', { budgetMaxInr: 10 * CR, priceMinInr: 45 * CR, priceMaxInr: 45 * CR }, 9],
    [
      'hot referral',
      {
        budgetMinInr: 40 * CR,
        budgetMaxInr: 50 * CR,
        priceMinInr: 45 * CR,
        priceMaxInr: 45 * CR,
        purchaseTimeline: 'immediate',
        financingStatus: 'cash_buyer',
        lastContactedAt: new Date('2026-11-22T08:00:00Z'),
        leadSource: 'referral',
      },
      100,
    ],
    ['spoke 3 days ago, 6-month timeline, needs loan', { lastContactedAt: new Date('2026-11-19T10:00:00Z'), purchaseTimeline: '6_months', financingStatus: 'needs_financing' }, 30],
    ['unknown source gets the floor', { leadSource: 'billboard' }, 3],
  ])('%s → %i', (_name, patch, expected) => {
    const { score, factors } = scoreLead({ ...base, ...patch }, now);
    expect(score).toBe(expected);
    expect(factors.map((f) => f.factor)).toEqual(['budget_fit', 'timeline', 'financing', 'engagement_recency', 'source']);
    expect(factors.reduce((s, f) => s + f.max, 0)).toBe(100);
    for (const f of factors) expect(f.points).toBeLessThanOrEqual(f.max);
  });
});
