import {
  reportDays,
  type DashboardSource,
  type PerformanceCounts,
  type PerformanceReport,
  type ReportFigures,
  type ReportGrouping,
  type ResponseOf,
  type intelPerformanceStatsV1,
} from '@soraaya/contracts';
import { rate, tidy } from '../dashboard/dashboard-figures';

/**
 * The performance report from what the services answered: plain functions, no
 * I/O. Rates and averages over nothing are null; a service that did not answer
 * arrives as null and leaves its part out (figures, or names).
 */
export type PerformanceStats = ResponseOf<typeof intelPerformanceStatsV1>;

/**
 * Derived figures of one group or of the report:
 * - connect rate: connected ÷ dialed;
 * - qualification rate: qualified leads ÷ leads called;
 * - average call duration: over answered calls, dialled or inbound;
 * - cost per qualified lead: cost ÷ qualified leads.
 */
export function figuresFrom(c: PerformanceCounts): ReportFigures {
  return {
    leads: c.leads,
    dialed: c.dialed,
    connected: c.connected,
    connectRate: tidy(rate(c.connected, c.dialed)),
    qualified: c.qualified,
    qualificationRate: tidy(rate(c.qualified, c.leads)),
    notInterested: c.notInterested,
    callbacks: c.callbacks,
    humanNeeded: c.humanNeeded,
    averageCallDurationSeconds: tidy(rate(c.answeredSeconds, c.answered)),
    costUsd: tidy(c.costUsd) ?? 0,
    costPerQualifiedLeadUsd: tidy(rate(c.costUsd, c.qualified)),
  };
}

/** Campaign and persona names by id; null when the campaign service did not answer. */
export interface GroupNames {
  campaigns: ReadonlyMap<string, string> | null;
  personas: ReadonlyMap<string, string> | null;
}

const NO_KEY_LABEL: Record<ReportGrouping, string> = { campaign: 'No campaign', persona: 'No persona', source: 'Unknown source' };

/** How a group reads: its name, or its id when the name is unknown (campaign service down, persona deleted). */
export function groupLabel(groupBy: ReportGrouping, key: string | null, names: GroupNames): string {
  if (key === null) return NO_KEY_LABEL[groupBy];
  if (groupBy === 'campaign') return names.campaigns?.get(key) ?? `Campaign ${key}`;
  if (groupBy === 'persona') return names.personas?.get(key) ?? `Persona ${key}`;
  return key;
}

export interface ReportInputs {
  from: string;
  to: string;
  timeZone: string;
  groupBy: ReportGrouping;
  campaignId: string | null;
  stats: PerformanceStats | null;
  names: GroupNames;
  partial: DashboardSource[];
  now: Date;
}

/** Rows most leads first (then by name), the totals, and what is missing. */
export function buildReport(i: ReportInputs): PerformanceReport {
  const rows = (i.stats?.groups ?? [])
    .map((g) => ({ key: g.key, label: groupLabel(i.groupBy, g.key, i.names), ...figuresFrom(g.counts) }))
    .sort((a, b) => b.leads - a.leads || a.label.localeCompare(b.label) || String(a.key).localeCompare(String(b.key)));
  return {
    period: { from: i.from, to: i.to, days: reportDays(i.from, i.to), timeZone: i.timeZone },
    groupBy: i.groupBy,
    campaign: i.campaignId ? { id: i.campaignId, name: i.names.campaigns?.get(i.campaignId) ?? null } : null,
    generatedAt: i.now.toISOString(),
    rows,
    totals: i.stats ? figuresFrom(i.stats.totals) : null,
    partial: i.partial,
  };
}

/** What each missing service leaves out, in words for the PDF's note. */
export const MISSING_FIGURES: Partial<Record<DashboardSource, string>> = {
  intelligence: 'call figures (transcript intelligence did not answer): no rows or totals',
  campaign: 'campaign and persona names (the campaign service did not answer): groups show their ids',
};
