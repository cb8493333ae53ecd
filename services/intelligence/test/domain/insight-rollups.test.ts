import type { CallAnalysis } from '@soraaya/contracts';
import { budgetBand, facetCounts, medianFromBuckets } from '../../src/domain/insight-rollups';

const analysis = (a: Partial<CallAnalysis>): CallAnalysis => ({
  outcome: 'follow_up',
  budgetInr: null,
  timeline: null,
  propertyType: null,
  locations: [],
  financing: null,
  decisionMaker: null,
  interestLevel: 'medium',
  sentiment: 'neutral',
  turnSentiments: [],
  objections: [],
  amenities: [],
  actionItems: [],
  callbackAt: null,
  humanNeeded: null,
  score: 40,
  scoreReasons: [],
  summary: '',
  ...a,
});

describe('insight rollups', () => {
  it.each([
    [19_999_999, 'under 2 Cr'],
    [20_000_000, '2–5 Cr'],
    [80_000_000, '5–10 Cr'],
    [150_000_000, '10–20 Cr'],
    [450_000_000, '20 Cr and above'],
  ])('budget %i is in band %s', (inr, band) => expect(budgetBand(inr)).toBe(band));

  it.each<[string, Partial<CallAnalysis>, string[]]>([
    ['a bare analysis counts itself and its score', {}, ['analysed:=1', 'score:=40']],
    [
      'every facet, objections counted once per call',
      {
        score: 80,
        timeline: '3_months',
        financing: 'cash_buyer',
        propertyType: 'penthouse',
        locations: ['Worli', 'Worli', 'Bandra'],
        amenities: ['sea view'],
        objections: [
          { category: 'price', quote: 'a bit high' },
          { category: 'price', quote: 'too costly' },
        ],
        budgetInr: { min: 80_000_000, max: 120_000_000 },
      },
      ['analysed:=1', 'score:=80', 'objection:price=1', 'timeline:3_months=1', 'financing:cash_buyer=1', 'property_type:penthouse=1', 'location:Worli=1', 'location:Bandra=1', 'amenity:sea view=1', 'budget_band:10–20 Cr=1', 'budget_bucket:24=1'],
    ],
    ['an "up to" budget uses its max; a "from" budget its min', { budgetInr: { min: 30_000_000, max: null } }, ['analysed:=1', 'score:=40', 'budget_band:2–5 Cr=1', 'budget_bucket:6=1']],
  ])('%s', (_n, a, expected) => {
    expect(facetCounts(analysis(a)).map((f) => `${f.facet}:${f.value}=${f.n}`)).toEqual(expected);
  });

  it.each([
    [[], null],
    [[{ bucket: 16, n: 1 }], 82_500_000],
    [[{ bucket: 4, n: 2 }, { bucket: 10, n: 1 }, { bucket: 30, n: 1 }], 22_500_000],
    [[{ bucket: 30, n: 3 }, { bucket: 4, n: 1 }], 152_500_000],
  ])('median of %j is %p', (buckets, median) => expect(medianFromBuckets(buckets)).toBe(median));
});
