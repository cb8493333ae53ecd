import type { Lead, Property } from '@soraaya/contracts';
import { campaignTransition, isEditable, startBlockers } from '../../src/domain/campaign-status.machine';
import { figuresFrom, ZERO_COUNTERS } from '../../src/domain/performance-figures';
import { bestMatches } from '../../src/domain/property-matching';
import { templateProblems } from '../../src/domain/script-template';

describe('campaign status machine', () => {
  it.each([
    ['start', 'draft', 'active'],
    ['pause', 'active', 'paused'],
    ['resume', 'paused', 'active'],
    ['stop', 'active', 'completed'],
    ['stop', 'paused', 'completed'],
    ['archive', 'completed', 'archived'],
    ['archive', 'draft', 'archived'],
  ] as const)('%s from %s → %s', (action, from, to) => {
    expect(campaignTransition(action, from)).toEqual({ ok: true, to });
  });

  it.each([
    ['start', 'active'],
    ['pause', 'draft'],
    ['resume', 'active'],
    ['stop', 'draft'],
    ['archive', 'active'],
    ['start', 'archived'],
  ] as const)('refuses %s from %s, saying where it applies', (action, from) => {
    const r = campaignTransition(action, from);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(new RegExp(`Cannot ${action} a ${from} campaign; ${action} applies to`));
  });

  it('lets only drafts and paused campaigns be edited', () => {
    expect(['draft', 'active', 'paused', 'completed', 'archived'].filter((s) => isEditable(s as never))).toEqual(['draft', 'paused']);
  });

  it('lists every reason a campaign cannot start', () => {
    expect(startBlockers({ leadCount: 0, activePersonaIds: [], variantPersonaIds: ['p1'], endDate: '2020-01-01', today: '2026-11-22' })).toEqual([
      'it has no leads: assign leads first',
      'it has no active agent persona',
      'its end date 2020-01-01 is in the past',
    ]);
    expect(startBlockers({ leadCount: 3, activePersonaIds: ['p1'], variantPersonaIds: ['p1', 'p2'], endDate: '2026-11-22', today: '2026-11-22' })).toEqual([]);
  });
});

describe('script templates', () => {
  it.each([
    ['Hello {{lead.first_name}}, {{ persona.name }} here', []],
    ['No variables at all', []],
    ['Hi {{lead.nick}}', ['unknown variable {{lead.nick}}']],
    ['Broken {{lead.first_name}', ['has unpaired {{ or }}']],
  ])('%j', (template, problems) => {
    expect(templateProblems(template).map((p) => p.replace(/ \(known:.*$/, ''))).toEqual(problems);
  });
});

describe('property matching', () => {
  const lead = { budgetMinInr: null, budgetMaxInr: null, priceMinInr: 120_000_000, priceMaxInr: 150_000_000, propertyType: 'apartment', propertyPreferences: null, location: 'Worli, Mumbai', propertyName: 'Lodha Park' } as unknown as Lead;
  const prop = (name: string, extra: Partial<Property>) => ({ id: name, name, type: 'apartment', location: 'Worli, Mumbai', priceMinInr: 130_000_000, priceMaxInr: 140_000_000, availability: 'available', ...extra }) as Property;

  it('ranks by budget, type, place and the property asked about, with reasons; never sold ones', () => {
    const matches = bestMatches(lead, [prop('Lodha Park', {}), prop('Far', { location: 'Hebbal, Bangalore' }), prop('Sold', { availability: 'sold' }), prop('Pricey', { priceMinInr: 500_000_000, priceMaxInr: 600_000_000, type: 'penthouse', location: 'Juhu' })], 5);
    expect(matches.map((m) => [m.property.name, m.score, m.reasons])).toEqual([
      ['Lodha Park', 100, ['within budget', 'apartment, as wanted', 'in Worli, Mumbai', 'the property the lead asked about']],
      ['Far', 65, ['within budget', 'apartment, as wanted']],
    ]);
  });
});

describe('performance figures', () => {
  it('derives rates, and null rather than zero when there is nothing to divide', () => {
    expect(figuresFrom(ZERO_COUNTERS)).toMatchObject({ connectRate: null, qualificationRate: null, conversionRate: null, costPerQualifiedLeadUsd: null, averageDurationSeconds: 0 });
    expect(figuresFrom({ ...ZERO_COUNTERS, leadsAssigned: 10, dialed: 8, connected: 4, qualified: 2, totalDurationSeconds: 400, costUsd: 3 })).toMatchObject({
      connectRate: 0.5,
      qualificationRate: 0.5,
      conversionRate: 0.2,
      averageDurationSeconds: 100,
      costPerQualifiedLeadUsd: 1.5,
    });
  });

  it('never reports a rate above 1 while events are still arriving out of order', () => {
    expect(figuresFrom({ ...ZERO_COUNTERS, dialed: 1, connected: 2, qualified: 3 })).toMatchObject({ connectRate: 1, qualificationRate: 1, conversionRate: 1 });
  });
});
