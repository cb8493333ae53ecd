import { z } from 'zod';
import { LEAD_STATUSES, leadStatusSchema } from '../lead/lead.model';

/**
 * The gateway's dashboard responses, composed from each service's own stats
 * query. A service that is down or slow leaves its figures null and is named
 * in `partial`; the rest still comes back.
 */
export const DASHBOARD_SOURCES = ['lead', 'campaign', 'dialer', 'intelligence', 'notification'] as const;
export const dashboardSourceSchema = z.enum(DASHBOARD_SOURCES);
export type DashboardSource = z.infer<typeof dashboardSourceSchema>;

export const DASHBOARD_DATE_RANGES = ['7d', '30d', '90d'] as const;
export const dashboardDateRangeSchema = z.enum(DASHBOARD_DATE_RANGES);
export type DashboardDateRange = z.infer<typeof dashboardDateRangeSchema>;

const partial = z.array(dashboardSourceSchema);
const day = z.iso.date();

export const kpiSchema = z.object({
  /** null when the service that knows it did not answer, or the figure is undefined (a rate over nothing). */
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** value − previous (percentage points ×0.01 for ratios). */
  delta: z.number().nullable(),
  /** delta ÷ previous; null when previous is 0 or unknown. */
  deltaRatio: z.number().nullable(),
  unit: z.enum(['count', 'ratio', 'seconds', 'usd', 'per_hour']),
  /**
   * What `previous` is: `previous_period` the period before (same length),
   * `yesterday` for a today figure, `period_start` the same count when the
   * period began, `none` for a live figure with no history.
   */
  compare: z.enum(['previous_period', 'yesterday', 'period_start', 'none']),
  /** Whether a rise is good news; null when it is neither. */
  higherIsBetter: z.boolean().nullable(),
});
export type Kpi = z.infer<typeof kpiSchema>;

const breakdown = z.array(z.object({ label: z.string(), count: z.number().int().nonnegative() }));

export const dashboardKpisSchema = z.object({
  totalLeads: kpiSchema,
  qualifiedLeads: kpiSchema.extend({ share: z.number().nullable(), previousShare: z.number().nullable() }),
  activeCalls: kpiSchema.extend({ capacity: z.number().int().nullable() }),
  conversionRate: kpiSchema,
  leadsAddedToday: kpiSchema.extend({ bySource: breakdown }),
  callsCompletedToday: kpiSchema.extend({ successRate: z.number().nullable(), previousSuccessRate: z.number().nullable() }),
  averageCallDuration: kpiSchema,
  humanInterventionRequired: kpiSchema.extend({ openNotifications: z.number().int().nullable() }),
  callSuccessRate: kpiSchema,
  leadResponseRate: kpiSchema,
  qualifiedPerHour: kpiSchema,
  costPerQualifiedLead: kpiSchema,
});
export type DashboardKpis = z.infer<typeof dashboardKpisSchema>;

export const dashboardMetricsSchema = z.object({
  campaignId: z.uuid().nullable(),
  dateRange: dashboardDateRangeSchema,
  period: z.object({ from: day, to: day }),
  previousPeriod: z.object({ from: day, to: day }),
  generatedAt: z.iso.datetime({ offset: true }),
  kpis: dashboardKpisSchema,
  /** Calls over the period by hour of day on the lead's clock, all 24 hours. */
  callsByHour: z.array(z.object({ hour: z.number().int(), calls: z.number().int(), answered: z.number().int() })),
  /** Lead sources over the period: leads added and leads qualified. */
  sources: z.array(z.object({ source: z.string(), created: z.number().int(), qualified: z.number().int(), qualifiedRate: z.number().nullable() })),
  /** Campaigns side by side (all time, from the campaign service's performance counters). */
  campaigns: z.array(
    z.object({
      campaignId: z.uuid(),
      name: z.string(),
      status: z.string(),
      leadsAssigned: z.number().int(),
      dialed: z.number().int(),
      connected: z.number().int(),
      qualified: z.number().int(),
      connectRate: z.number().nullable(),
      conversionRate: z.number().nullable(),
      costPerQualifiedLeadUsd: z.number().nullable(),
    }),
  ),
  partial,
});
export type DashboardMetrics = z.infer<typeof dashboardMetricsSchema>;

export const dashboardTrendsSchema = z.object({
  campaignId: z.uuid().nullable(),
  days: z.number().int(),
  /** One point a day, oldest first, every day of the window. */
  points: z.array(
    z.object({
      day,
      calls: z.number().int().nullable(),
      answered: z.number().int().nullable(),
      qualified: z.number().int().nullable(),
      /** Qualified conversations ÷ answered calls that day; null without answered calls. */
      conversionRate: z.number().nullable(),
      newLeads: z.number().int().nullable(),
    }),
  ),
  partial,
});
export type DashboardTrends = z.infer<typeof dashboardTrendsSchema>;

export const dashboardStatusDistributionSchema = z.object({
  campaignId: z.uuid().nullable(),
  total: z.number().int().nullable(),
  /** The eleven statuses in lifecycle order (empty when the lead service did not answer). */
  items: z.array(z.object({ status: leadStatusSchema, count: z.number().int() })).max(LEAD_STATUSES.length),
  partial,
});
export type DashboardStatusDistribution = z.infer<typeof dashboardStatusDistributionSchema>;

export const dashboardActivitySchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['call_ended', 'lead_status', 'notification']),
      at: z.iso.datetime({ offset: true }),
      title: z.string(),
      detail: z.string(),
      leadId: z.uuid().nullable(),
      /** How it reads: good news, needs a person, something failed, or plain. */
      tone: z.enum(['positive', 'attention', 'negative', 'neutral']),
    }),
  ),
  partial,
});
export type DashboardActivity = z.infer<typeof dashboardActivitySchema>;
