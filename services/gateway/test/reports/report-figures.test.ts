import type { PerformanceCounts } from '@soraaya/contracts';
import { buildReport, figuresFrom, groupLabel, type GroupNames } from '../../src/reports/report-figures';
import { performanceQuery } from '../../src/routes/report.routes';

const ZERO: PerformanceCounts = { leads: 0, dialed: 0, connected: 0, answered: 0, answeredSeconds: 0, qualified: 0, notInterested: 0, callbacks: 0, humanNeeded: 0, costUsd: 0 };
const counts = (over: Partial<PerformanceCounts>): PerformanceCounts => ({ ...ZERO, ...over });

describe('figuresFrom: the report rates, null where there is nothing to divide by', () => {
  it.each([
    ['every figure', counts({ leads: 8, dialed: 10, connected: 4, answered: 5, answeredSeconds: 600, qualified: 2, notInterested: 1, callbacks: 1, humanNeeded: 1, costUsd: 1.5 }), { connectRate: 0.4, qualificationRate: 0.25, averageCallDurationSeconds: 120, costUsd: 1.5, costPerQualifiedLeadUsd: 0.75 }],
    ['no calls at all', ZERO, { connectRate: null, qualificationRate: null, averageCallDurationSeconds: null, costUsd: 0, costPerQualifiedLeadUsd: null }],
    ['dialled, nobody answered', counts({ leads: 3, dialed: 3, costUsd: 0.15 }), { connectRate: 0, qualificationRate: 0, averageCallDurationSeconds: null, costPerQualifiedLeadUsd: null }],
    ['only inbound calls: no dial, still a conversation', counts({ leads: 1, answered: 1, answeredSeconds: 95.5, qualified: 1, costUsd: 0.2 }), { connectRate: null, qualificationRate: 1, averageCallDurationSeconds: 95.5, costPerQualifiedLeadUsd: 0.2 }],
    ['thirds without float noise', counts({ leads: 3, dialed: 3, connected: 1, answered: 1, answeredSeconds: 10, qualified: 1, costUsd: 0.1 + 0.2 }), { connectRate: 0.333333, qualificationRate: 0.333333, costUsd: 0.3, costPerQualifiedLeadUsd: 0.3 }],
  ])('%s', (_what, c, expected) => {
    const f = figuresFrom(c);
    expect(f).toMatchObject(expected);
    expect(f).toMatchObject({ leads: c.leads, dialed: c.dialed, connected: c.connected, qualified: c.qualified, notInterested: c.notInterested, callbacks: c.callbacks, humanNeeded: c.humanNeeded });
  });
});

describe('groupLabel: names, or what is known without them', () => {
  const names: GroupNames = { campaigns: new Map([['c1', 'Worli towers']]), personas: new Map([['p1', 'Priya']]) };
  const none: GroupNames = { campaigns: null, personas: null };
  it.each([
    ['campaign', 'c1', names, 'Worli towers'],
    ['campaign', null, names, 'No campaign'],
    ['campaign', 'c9', names, 'Campaign c9'],
    ['campaign', 'c1', none, 'Campaign c1'],
    ['persona', 'p1', names, 'Priya'],
    ['persona', 'p2', names, 'Persona p2'],
    ['persona', null, none, 'No persona'],
    ['source', 'website', none, 'website'],
    ['source', null, names, 'Unknown source'],
  ] as const)('%s %p → %p', (groupBy, key, n, label) => {
    expect(groupLabel(groupBy, key, n)).toBe(label);
  });
});

describe('buildReport', () => {
  const base = { from: '2026-11-01', to: '2026-11-30', timeZone: 'Asia/Kolkata', groupBy: 'campaign' as const, campaignId: null, now: new Date('2026-11-30T10:00:00Z') };
  it('orders rows by leads, then name, and keeps the service totals (distinct leads)', () => {
    const r = buildReport({
      ...base,
      stats: {
        groups: [
          { key: 'c2', counts: counts({ leads: 2, dialed: 2 }) },
          { key: null, counts: counts({ leads: 5, dialed: 6 }) },
          { key: 'c1', counts: counts({ leads: 2, dialed: 4 }) },
        ],
        totals: counts({ leads: 8, dialed: 12 }),
      },
      names: { campaigns: new Map([['c1', 'Andheri'], ['c2', 'Bandra']]), personas: null },
      partial: [],
    });
    expect(r.rows.map((x) => [x.label, x.leads])).toEqual([['No campaign', 5], ['Andheri', 2], ['Bandra', 2]]);
    expect(r.totals).toMatchObject({ leads: 8, dialed: 12 });
    expect(r.period).toEqual({ from: '2026-11-01', to: '2026-11-30', days: 30, timeZone: 'Asia/Kolkata' });
    expect(r.generatedAt).toBe('2026-11-30T10:00:00.000Z');
  });
  it('without the call figures: no rows, no totals, the service named', () => {
    const r = buildReport({ ...base, campaignId: 'c1', stats: null, names: { campaigns: new Map([['c1', 'Andheri']]), personas: null }, partial: ['intelligence'] });
    expect(r).toMatchObject({ rows: [], totals: null, partial: ['intelligence'], campaign: { id: 'c1', name: 'Andheri' } });
  });
});

describe('the query string: real dates, a range the right way round and at most 366 days', () => {
  const ok = (q: Record<string, string>) => performanceQuery.safeParse(q);
  it.each([
    [{ from: '2026-11-01', to: '2026-11-30' }, { from: '2026-11-01', to: '2026-11-30', group_by: 'campaign' }],
    [{ from: '2026-11-01', to: '2026-11-01', group_by: 'source' }, { group_by: 'source' }],
    [{ from: '2024-02-29', to: '2025-02-28' }, { from: '2024-02-29' }], // a leap day; 366 days
    [{ from: '2025-01-01', to: '2026-01-01' }, { to: '2026-01-01' }], // 366 days: the most
  ])('accepts %p', (q, expected) => {
    const r = ok(q);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject(expected);
  });
  it.each([
    [{ to: '2026-11-30' }, 'from'],
    [{ from: '2026-11-01' }, 'to'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
    [{ from: '2025-02-29', to: '2025-03-01' }, 'from'], // not a leap year
    [{ from: '2026-11-01', to: '2026-13-01' }, 'to'],
    [{ from: '01/11/2026', to: '2026-11-30' }, 'from'],
    [{ from: '2026-11-30', to: '2026-11-01' }, 'to'],
    [{ from: '2025-01-01', to: '2026-01-02' }, 'to'], // 367 days
    [{ from: '2026-11-01', to: '2026-11-30', group_by: 'agent' }, 'group_by'],
    [{ from: '2026-11-01', to: '2026-11-30', campaign_id: 'abc' }, 'campaign_id'],
    [{ from: '2026-11-01', to: '2026-11-30', groupBy: 'source' }, ''],
  ])('refuses %p naming %p', (q, path) => {
    const r = ok(q);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path.join('.')).toBe(path);
  });
});
