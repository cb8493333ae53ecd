import {
  LEAD_STATUSES,
  type DashboardActivity,
  type DashboardKpis,
  type DashboardMetrics,
  type DashboardTrends,
  type Kpi,
  type Notification,
  type ResponseOf,
  type compareCampaignsV1,
  type intelCallStatsV1,
  type intelDailyStatsV1,
  type intelRecentCallsV1,
  type leadDailyStatsV1,
  type leadRecentStatsV1,
  type leadStatsV1,
} from '@soraaya/contracts';

/**
 * The dashboard's figures from what each service answered: plain functions,
 * no I/O. A service that did not answer arrives as null and leaves its
 * figures null; nothing here throws for a missing piece.
 */
export type LeadStats = ResponseOf<typeof leadStatsV1>;
export type CallStats = ResponseOf<typeof intelCallStatsV1>;
export type CampaignComparison = ResponseOf<typeof compareCampaignsV1>;

const DAY_MS = 86_400_000;

/** part ÷ whole, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Float noise off (0.1 − 0.3 = −0.19999999999999998): six decimals are more than any figure shows. */
export const tidy = (n: number | null): number | null => (n === null ? null : Math.round(n * 1e6) / 1e6);

type KpiSpec = Pick<Kpi, 'unit' | 'compare' | 'higherIsBetter'>;

/** A figure with its previous value and the change between them. */
export function kpi(value: number | null, previous: number | null, spec: KpiSpec): Kpi {
  const delta = value !== null && previous !== null ? value - previous : null;
  return {
    value: tidy(value),
    previous: tidy(previous),
    delta: tidy(delta),
    deltaRatio: delta !== null && previous ? tidy(delta / previous) : null,
    ...spec,
  };
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const utcMidnight = (now: Date): number => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

/** The last `days` UTC days, today included, and the same number of days before them. */
export function periodDates(now: Date, days: number): { period: { from: string; to: string }; previousPeriod: { from: string; to: string } } {
  const today = utcMidnight(now);
  return {
    period: { from: isoDay(today - (days - 1) * DAY_MS), to: isoDay(today) },
    previousPeriod: { from: isoDay(today - (2 * days - 1) * DAY_MS), to: isoDay(today - days * DAY_MS) },
  };
}

export interface KpiInputs {
  lead: LeadStats | null;
  calls: CallStats | null;
  /** Calls in progress now, and how many may run at once (tenant cap, or the campaign's). */
  dialer: { activeCalls: number; capacity: number | null } | null;
  /** Pending notifications the viewer can see. */
  openNotifications: number | null;
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
const needsPerson = (c: LeadStats['now']): number => c.human_input_needed + c.human_follow_up;

/**
 * The twelve KPI cards. Counts of leads compare now with the start of the
 * period; call figures compare the period with the one before it; "today"
 * figures compare with yesterday. Definitions:
 * - conversion rate: qualified conversations ÷ answered calls;
 * - call success rate: answered ÷ calls; lead response rate: leads who answered ÷ leads called;
 * - qualified per hour: qualified conversations ÷ hours in which calls were made;
 * - cost per qualified lead: call cost ÷ qualified conversations;
 * - average call duration: over answered calls.
 */
export function buildKpis({ lead, calls, dialer, openNotifications }: KpiInputs): DashboardKpis {
  const count = (compare: Kpi['compare'], higherIsBetter: boolean | null = true): KpiSpec => ({ unit: 'count', compare, higherIsBetter });
  const ratio: KpiSpec = { unit: 'ratio', compare: 'previous_period', higherIsBetter: true };
  const p = calls?.period ?? null;
  const pp = calls?.previousPeriod ?? null;
  const overCalls = (spec: KpiSpec, f: (c: NonNullable<typeof p>) => number | null) => kpi(p && f(p), pp && f(pp), spec);
  const total = lead ? sum(lead.now) : null;
  const totalBefore = lead ? sum(lead.atPeriodStart) : null;
  const qualified = lead ? lead.now.qualified : null;
  const qualifiedBefore = lead ? lead.atPeriodStart.qualified : null;
  const today = calls?.today ?? null;
  const yesterday = calls?.yesterday ?? null;
  return {
    totalLeads: kpi(total, totalBefore, count('period_start')),
    qualifiedLeads: {
      ...kpi(qualified, qualifiedBefore, count('period_start')),
      share: qualified !== null && total !== null ? tidy(rate(qualified, total)) : null,
      previousShare: qualifiedBefore !== null && totalBefore !== null ? tidy(rate(qualifiedBefore, totalBefore)) : null,
    },
    activeCalls: { ...kpi(dialer?.activeCalls ?? null, null, count('none', null)), capacity: dialer?.capacity ?? null },
    conversionRate: overCalls(ratio, (c) => rate(c.qualified, c.answered)),
    leadsAddedToday: {
      ...kpi(lead?.created.today ?? null, lead?.created.yesterday ?? null, count('yesterday')),
      bySource: (lead?.createdTodayBySource ?? []).map((s) => ({ label: s.source, count: s.count })),
    },
    callsCompletedToday: {
      ...kpi(today?.calls ?? null, yesterday?.calls ?? null, count('yesterday')),
      successRate: today ? tidy(rate(today.answered, today.calls)) : null,
      previousSuccessRate: yesterday ? tidy(rate(yesterday.answered, yesterday.calls)) : null,
    },
    averageCallDuration: overCalls({ unit: 'seconds', compare: 'previous_period', higherIsBetter: null }, (c) => rate(c.answeredSeconds, c.answered)),
    humanInterventionRequired: {
      ...kpi(lead ? needsPerson(lead.now) : null, lead ? needsPerson(lead.atPeriodStart) : null, count('period_start', false)),
      openNotifications,
    },
    callSuccessRate: overCalls(ratio, (c) => rate(c.answered, c.calls)),
    leadResponseRate: overCalls(ratio, (c) => rate(c.leadsAnswered, c.leadsCalled)),
    qualifiedPerHour: overCalls({ unit: 'per_hour', compare: 'previous_period', higherIsBetter: true }, (c) => rate(c.qualified, c.callingHours)),
    costPerQualifiedLead: overCalls({ unit: 'usd', compare: 'previous_period', higherIsBetter: false }, (c) => rate(c.costUsd, c.qualified)),
  };
}

/** Every hour of the day, 0 to 23, with zeros where no call was made; empty when the figures are unknown. */
export function callsByHour(calls: CallStats | null): DashboardMetrics['callsByHour'] {
  if (!calls) return [];
  return Array.from({ length: 24 }, (_, hour) => {
    const h = calls.byHour.find((x) => x.hour === hour);
    return { hour, calls: h?.calls ?? 0, answered: h?.answered ?? 0 };
  });
}

export function sourcePerformance(lead: LeadStats | null): DashboardMetrics['sources'] {
  return (lead?.sources ?? []).map((s) => ({ ...s, qualifiedRate: tidy(rate(s.qualified, s.created)) }));
}

export function campaignComparison(compare: CampaignComparison | null): DashboardMetrics['campaigns'] {
  return (compare?.items ?? []).map((c) => ({
    campaignId: c.campaignId,
    name: c.name,
    status: c.status,
    leadsAssigned: c.totals.leadsAssigned,
    dialed: c.totals.dialed,
    connected: c.totals.connected,
    qualified: c.totals.qualified,
    connectRate: c.totals.connectRate,
    conversionRate: c.totals.conversionRate,
    costPerQualifiedLeadUsd: c.totals.costPerQualifiedLeadUsd,
  }));
}

/**
 * One point for each of the last `days` UTC days, oldest first: a day a
 * service reported nothing for is a zero; a service that did not answer
 * leaves its fields null.
 */
export function trendPoints(now: Date, days: number, calls: ResponseOf<typeof intelDailyStatsV1> | null, leads: ResponseOf<typeof leadDailyStatsV1> | null): DashboardTrends['points'] {
  const today = utcMidnight(now);
  return Array.from({ length: days }, (_, i) => {
    const day = isoDay(today - (days - 1 - i) * DAY_MS);
    const c = calls ? (calls.days.find((d) => d.day === day) ?? { calls: 0, answered: 0, qualified: 0 }) : null;
    const l = leads ? (leads.days.find((d) => d.day === day) ?? { created: 0 }) : null;
    return {
      day,
      calls: c?.calls ?? null,
      answered: c?.answered ?? null,
      qualified: c?.qualified ?? null,
      conversionRate: c ? tidy(rate(c.qualified, c.answered)) : null,
      newLeads: l?.created ?? null,
    };
  });
}

/** Lead counts per status in lifecycle order, zeros included. */
export function statusItems(byStatus: Record<string, number>): { status: (typeof LEAD_STATUSES)[number]; count: number }[] {
  return LEAD_STATUSES.map((status) => ({ status, count: byStatus[status] ?? 0 }));
}

type ActivityItem = DashboardActivity['items'][number];
const label = (s: string): string => {
  const words = s.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const duration = (seconds: number): string => (seconds >= 60 ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s` : `${Math.round(seconds)} s`);

export interface ActivityInputs {
  calls: ResponseOf<typeof intelRecentCallsV1> | null;
  /** Lead moves and names; null when the lead service did not answer. */
  leads: ResponseOf<typeof leadRecentStatsV1> | null;
  notifications: Notification[] | null;
  /** Agents see only calls of leads the lead service named for them. */
  ownLeadsOnly: boolean;
  limit: number;
}

/** Calls ended, leads that reached a notable status, and notifications, merged newest first. */
export function activityItems({ calls, leads, notifications, ownLeadsOnly, limit }: ActivityInputs): ActivityItem[] {
  const names = leads ? new Map(leads.leads.map((l) => [l.id, l.contactPerson])) : null;
  const items: ActivityItem[] = [];
  for (const c of calls?.items ?? []) {
    const name = names?.get(c.leadId);
    // A call of a lead the lead service did not name is deleted, or (for an agent) not theirs.
    if (names ? !name : ownLeadsOnly) continue;
    const cls = c.classification && c.classification !== 'no_conversation' ? c.classification : null;
    items.push({
      id: `call:${c.callId}`,
      kind: 'call_ended',
      at: c.endedAt,
      title: `Call with ${name ?? 'a lead'} ended: ${label(c.outcome).toLowerCase()}`,
      detail: [c.outcome === 'answered' ? duration(c.durationSeconds) : null, cls ? label(cls) : null, c.score !== null && cls ? `score ${c.score}` : null].filter(Boolean).join(' · '),
      leadId: c.leadId,
      tone: cls === 'qualified' ? 'positive' : cls === 'human_input_needed' || cls === 'callback_requested' ? 'attention' : c.outcome === 'failed' ? 'negative' : 'neutral',
    });
  }
  for (const m of leads?.moves ?? []) {
    items.push({
      id: `move:${m.leadId}:${m.at}`,
      kind: 'lead_status',
      at: m.at,
      title: `${m.contactPerson} is now ${label(m.to).toLowerCase()}`,
      detail: `from ${label(m.from).toLowerCase()}${m.actorName ? `, by ${m.actorName}` : m.actorType === 'service' ? ', after the call' : ''}`,
      leadId: m.leadId,
      tone: m.to === 'qualified' ? 'positive' : 'attention',
    });
  }
  for (const n of notifications ?? []) {
    items.push({
      id: `notification:${n.id}`,
      kind: 'notification',
      at: n.createdAt,
      title: n.title,
      detail: n.message,
      leadId: n.leadId,
      tone: n.priority === 'high' ? 'attention' : 'neutral',
    });
  }
  return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.id.localeCompare(b.id)).slice(0, limit);
}
