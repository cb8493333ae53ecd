import { recommend } from '../../src/domain/recommendations';

const conv = (over: Partial<Parameters<typeof recommend>[0]> = {}): Parameters<typeof recommend>[0] => ({
  days: 7,
  campaignId: null,
  analysedCalls: 100,
  qualifiedCalls: 30,
  objections: [],
  qualifiedCommon: { timelines: [], financing: [], propertyTypes: [], locations: [], averageScore: null },
  priceSensitivity: { priceObjectionShare: 0, budgetBands: [], medianBudgetInr: null },
  timelines: [],
  amenities: [],
  locations: [],
  ...over,
});
const trends = (over: Partial<Parameters<typeof recommend>[1]> = {}): Parameters<typeof recommend>[1] => ({
  days: 7,
  campaignId: null,
  answerRateByHour: [],
  durationByOutcome: [],
  sentimentOverTime: [],
  personas: [],
  ...over,
});
const slot = (dow: number, hour: number, calls: number, answered: number) => ({ dow, hour, calls, answered, rate: answered / calls });
const persona = (personaId: string, analysed: number, qualified: number) => ({ personaId, calls: analysed * 2, analysed, qualified, qualifiedRate: qualified / analysed, averageScore: 50 });
const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';

describe('recommend', () => {
  it.each([
    ['nothing from no data', conv({ analysedCalls: 0, qualifiedCalls: 0 }), trends(), []],
    ['a strong calling hour (60% vs 36% overall) and a weak one (10%)', conv(), trends({ answerRateByHour: [slot(2, 18, 50, 30), slot(2, 11, 50, 5), slot(3, 15, 100, 37)] }), ["calling_window:Call more on Tuesday 18:00–19:00 (lead's local time)", 'calling_window:Avoid Tuesday 11:00–12:00']],
    ['no calling advice from thin slots (19 calls)', conv(), trends({ answerRateByHour: [slot(2, 18, 19, 19), slot(3, 15, 100, 30)] }), []],
    ['a persona gap of 15 points', conv(), trends({ personas: [persona(P1, 40, 14), persona(P2, 40, 8)] }), ['persona:Shift A/B weight towards the stronger persona']],
    ['no persona advice when the gap is 2.5 points', conv(), trends({ personas: [persona(P1, 40, 10), persona(P2, 40, 9)] }), []],
    ['a frequent objection (25%)', conv({ objections: [{ category: 'price', count: 25, share: 0.25, examples: ['too expensive for us'] }] }), trends(), ['objection:Answer the "price" objection in the script']],
    ['a rare objection (5%) is left alone', conv({ objections: [{ category: 'trust', count: 5, share: 0.05, examples: [] }] }), trends(), []],
    ['a dominant qualified timeline', conv({ qualifiedCommon: { timelines: [{ value: '3_months', count: 15 }], financing: [], propertyTypes: [], locations: [], averageScore: 70 } }), trends(), ['timeline:Ask about the purchase timeline early: most qualified buyers say "3 months"']],
  ])('%s', (_name, c, t, expected) => {
    expect(recommend(c, t).map((r) => `${r.kind}:${r.title}`)).toEqual(expected);
  });

  it('puts the numbers behind each recommendation', () => {
    const [rec] = recommend(conv(), trends({ answerRateByHour: [slot(5, 19, 40, 28), slot(1, 10, 160, 50)] }));
    expect(rec!.evidence).toEqual({ dow: 5, hour: 19, calls: 40, answerRate: 0.7, overallAnswerRate: 0.39 });
  });
});
