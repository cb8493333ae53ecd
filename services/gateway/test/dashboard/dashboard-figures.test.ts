import type { CallFigures, Notification } from '@soraaya/contracts';
import { activityItems, buildKpis, callsByHour, kpi, periodDates, rate, sourcePerformance, trendPoints, type CallStats, type LeadStats } from '../../src/dashboard/dashboard-figures';

const count = { unit: 'count', compare: 'previous_period', higherIsBetter: true } as const;

describe('kpi: value, previous and the change between them', () => {
  it.each([
    ['a rise', 10, 8, 2, 0.25],
    ['a fall', 6, 8, -2, -0.25],
    ['no change', 4, 4, 0, 0],
    ['from zero (no ratio to zero)', 5, 0, 5, null],
    ['unknown previous', 3, null, null, null],
    ['unknown value', null, 3, null, null],
    ['rates without float noise', 0.3, 0.1, 0.2, 2],
  ])('%s', (_what, value, previous, delta, deltaRatio) => {
    expect(kpi(value, previous, count)).toEqual({ value, previous, delta, deltaRatio, ...count });
  });

  it.each([
    [1, 4, 0.25],
    [0, 5, 0],
    [3, 0, null],
  ])('rate(%d, %d) = %p', (part, whole, expected) => {
    expect(rate(part, whole)).toBe(expected);
  });
});

describe('periodDates: UTC days, today included, and the same length before', () => {
  it.each([
    ['7 days', '2026-03-05T23:59:59Z', 7, ['2026-02-27', '2026-03-05'], ['2026-02-20', '2026-02-26']],
    ['just after midnight', '2026-03-05T00:00:01Z', 7, ['2026-02-27', '2026-03-05'], ['2026-02-20', '2026-02-26']],
    ['one day: today against yesterday', '2026-01-01T10:00:00Z', 1, ['2026-01-01', '2026-01-01'], ['2025-12-31', '2025-12-31']],
    ['across a leap day', '2028-03-01T12:00:00Z', 30, ['2028-02-01', '2028-03-01'], ['2028-01-02', '2028-01-31']],
  ])('%s', (_what, now, days, period, previous) => {
    expect(periodDates(new Date(now), days)).toEqual({ period: { from: period[0], to: period[1] }, previousPeriod: { from: previous[0], to: previous[1] } });
  });
});

const statuses = (over: Partial<LeadStats['now']>): LeadStats['now'] => ({
  to_call: 0,
  calling: 0,
  in_call: 0,
  qualified: 0,
  not_interested: 0,
  follow_up: 0,
  callback_requested: 0,
  unresponsive: 0,
  human_input_needed: 0,
  human_follow_up: 0,
  call_failed: 0,
  ...over,
});
const figures = (over: Partial<CallFigures>): CallFigures => ({ calls: 0, answered: 0, leadsCalled: 0, leadsAnswered: 0, answeredSeconds: 0, costUsd: 0, conversations: 0, qualified: 0, callingHours: 0, ...over });

const lead: LeadStats = {
  days: 7,
  now: statuses({ to_call: 60, qualified: 25, human_input_needed: 10, human_follow_up: 5 }),
  atPeriodStart: statuses({ to_call: 70, qualified: 10, human_input_needed: 4 }),
  created: { period: 16, previousPeriod: 20, today: 6, yesterday: 4 },
  createdTodayBySource: [
    { source: 'website', count: 4 },
    { source: 'referral', count: 2 },
  ],
  sources: [
    { source: 'website', created: 10, qualified: 4 },
    { source: 'expo', created: 0, qualified: 1 },
  ],
};
const calls: CallStats = {
  days: 7,
  period: figures({ calls: 200, answered: 80, leadsCalled: 120, leadsAnswered: 60, answeredSeconds: 9600, costUsd: 50, conversations: 75, qualified: 20, callingHours: 40 }),
  previousPeriod: figures({ calls: 100, answered: 50, leadsCalled: 100, leadsAnswered: 40, answeredSeconds: 5000, costUsd: 30, conversations: 48, qualified: 10, callingHours: 20 }),
  today: figures({ calls: 30, answered: 12 }),
  yesterday: figures({ calls: 20, answered: 10 }),
  byHour: [
    { hour: 10, calls: 5, answered: 2 },
    { hour: 17, calls: 9, answered: 4 },
  ],
};

describe('buildKpis: the twelve cards from what the services answered', () => {
  const k = buildKpis({ lead, calls, dialer: { activeCalls: 7, capacity: 20 }, openNotifications: 3 });

  it.each([
    // card, value, previous, delta
    ['totalLeads', 100, 84, 16],
    ['qualifiedLeads', 25, 10, 15],
    ['activeCalls', 7, null, null],
    ['conversionRate', 0.25, 0.2, 0.05],
    ['leadsAddedToday', 6, 4, 2],
    ['callsCompletedToday', 30, 20, 10],
    ['averageCallDuration', 120, 100, 20],
    ['humanInterventionRequired', 15, 4, 11],
    ['callSuccessRate', 0.4, 0.5, -0.1],
    ['leadResponseRate', 0.5, 0.4, 0.1],
    ['qualifiedPerHour', 0.5, 0.5, 0],
    ['costPerQualifiedLead', 2.5, 3, -0.5],
  ] as const)('%s = %p (was %p, change %p)', (card, value, previous, delta) => {
    expect(k[card]).toMatchObject({ value, previous, delta });
  });

  it('says what each previous value is, and which way is good', () => {
    expect(k.totalLeads).toMatchObject({ compare: 'period_start', unit: 'count', higherIsBetter: true });
    expect(k.leadsAddedToday.compare).toBe('yesterday');
    expect(k.activeCalls).toMatchObject({ compare: 'none', higherIsBetter: null, capacity: 20 });
    expect(k.humanInterventionRequired).toMatchObject({ higherIsBetter: false, openNotifications: 3 });
    expect(k.costPerQualifiedLead).toMatchObject({ unit: 'usd', higherIsBetter: false });
    expect(k.averageCallDuration).toMatchObject({ unit: 'seconds', higherIsBetter: null });
  });

  it('adds the shares, success rates and source breakdown', () => {
    expect(k.qualifiedLeads).toMatchObject({ share: 0.25, previousShare: 0.119048 }); // 10 / 84 to six decimals
    expect(k.callsCompletedToday).toMatchObject({ successRate: 0.4, previousSuccessRate: 0.5 });
    expect(k.leadsAddedToday.bySource).toEqual([
      { label: 'website', count: 4 },
      { label: 'referral', count: 2 },
    ]);
  });

  it('leaves a rate over nothing unknown instead of dividing by zero', () => {
    const quiet = buildKpis({ lead, calls: { ...calls, period: figures({}), today: figures({}) }, dialer: null, openNotifications: null });
    expect(quiet.conversionRate).toMatchObject({ value: null, previous: 0.2, delta: null });
    expect(quiet.costPerQualifiedLead.value).toBeNull();
    expect(quiet.callsCompletedToday).toMatchObject({ value: 0, successRate: null });
  });

  it('keeps every card when services did not answer, with their figures null', () => {
    const none = buildKpis({ lead: null, calls: null, dialer: null, openNotifications: null });
    expect(Object.keys(none)).toHaveLength(12);
    for (const card of Object.values(none)) expect(card).toMatchObject({ value: null, previous: null, delta: null, deltaRatio: null });
    expect(none.leadsAddedToday.bySource).toEqual([]);
  });
});

describe('charts', () => {
  it('callsByHour has all 24 hours, zeros where nobody was called, nothing when unknown', () => {
    const hours = callsByHour(calls);
    expect(hours).toHaveLength(24);
    expect(hours[10]).toEqual({ hour: 10, calls: 5, answered: 2 });
    expect(hours[11]).toEqual({ hour: 11, calls: 0, answered: 0 });
    expect(callsByHour(null)).toEqual([]);
  });

  it('sourcePerformance adds the qualified rate (unknown for a source with no new leads)', () => {
    expect(sourcePerformance(lead)).toEqual([
      { source: 'website', created: 10, qualified: 4, qualifiedRate: 0.4 },
      { source: 'expo', created: 0, qualified: 1, qualifiedRate: null },
    ]);
  });

  it('trendPoints: every day oldest first, zeros on quiet days, null for a service that did not answer', () => {
    const now = new Date('2026-03-05T12:00:00Z');
    const points = trendPoints(now, 3, { days: [{ day: '2026-03-04', calls: 10, answered: 4, conversations: 4, qualified: 1 }] }, null);
    expect(points).toEqual([
      { day: '2026-03-03', calls: 0, answered: 0, qualified: 0, conversionRate: null, newLeads: null },
      { day: '2026-03-04', calls: 10, answered: 4, qualified: 1, conversionRate: 0.25, newLeads: null },
      { day: '2026-03-05', calls: 0, answered: 0, qualified: 0, conversionRate: null, newLeads: null },
    ]);
    expect(trendPoints(now, 2, null, { days: [{ day: '2026-03-05', created: 7, qualified: 2 }] }).map((p) => [p.calls, p.newLeads])).toEqual([
      [null, 0],
      [null, 7],
    ]);
  });
});

describe('activityItems: calls, moves and notifications, newest first', () => {
  const A = '0193a000-0000-7000-8000-00000000000a';
  const B = '0193a000-0000-7000-8000-00000000000b';
  const call = (id: string, leadId: string, endedAt: string, over: object = {}) => ({
    callId: `0193a000-0000-7000-8000-0000000000${id}`,
    leadId,
    campaignId: null,
    outcome: 'answered' as const,
    classification: 'qualified' as const,
    score: 82,
    durationSeconds: 185,
    endedAt,
    ...over,
  });
  const calls = { items: [call('01', A, '2026-03-05T10:05:00.000Z'), call('02', B, '2026-03-05T10:01:00.000Z', { outcome: 'failed', classification: null, score: null, durationSeconds: 0 })] };
  const leads = {
    moves: [{ leadId: A, contactPerson: 'Asha Rao', campaignId: null, from: 'in_call', to: 'qualified' as const, actorType: 'service', actorName: null, at: '2026-03-05T10:06:00.000Z' }],
    leads: [
      { id: A, contactPerson: 'Asha Rao' },
      { id: B, contactPerson: 'Bilal Khan' },
    ],
  };
  const note = { id: '0193a000-0000-7000-8000-0000000000n1', title: 'Qualified lead ready', message: 'Asha Rao is ready for a broker', leadId: A, priority: 'high', createdAt: '2026-03-05T10:07:00.000Z' } as unknown as Notification;

  it('merges and orders them, with tones that read without colour', () => {
    const items = activityItems({ calls, leads, notifications: [note], ownLeadsOnly: false, limit: 10 });
    expect(items.map((i) => [i.kind, i.title, i.tone])).toEqual([
      ['notification', 'Qualified lead ready', 'attention'],
      ['lead_status', 'Asha Rao is now qualified', 'positive'],
      ['call_ended', 'Call with Asha Rao ended: answered', 'positive'],
      ['call_ended', 'Call with Bilal Khan ended: failed', 'negative'],
    ]);
    expect(items[2]!.detail).toBe('3 min 5 s · Qualified · score 82');
    expect(items[1]!.detail).toBe('from in call, after the call');
  });

  it.each([
    ['the limit cuts the oldest', { limit: 2 }, 2],
    ['a deleted lead (not named) drops its call', { leads: { ...leads, leads: [leads.leads[0]!] } }, 4 - 1],
    ['without the lead service, calls stay unnamed for managers', { leads: null }, 3],
    ['without the lead service, an agent sees no calls (ownership unknown)', { leads: null, ownLeadsOnly: true }, 1],
  ])('%s', (_what, over, expected) => {
    expect(activityItems({ calls, leads, notifications: [note], ownLeadsOnly: false, limit: 10, ...over })).toHaveLength(expected);
  });
});
