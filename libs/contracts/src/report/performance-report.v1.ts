import { z } from 'zod';
import { dashboardSourceSchema } from '../dashboard/dashboard.v1';
import { defineEndpoint } from '../rpc';

/**
 * The performance report: call results over a custom range of the tenant's
 * calendar days, grouped by campaign, persona or lead source. Transcript
 * intelligence counts (it keeps every ended call with its reading); the gateway
 * names the groups and derives the rates.
 */
export const REPORT_GROUPINGS = ['campaign', 'persona', 'source'] as const;
export const reportGroupingSchema = z.enum(REPORT_GROUPINGS);
export type ReportGrouping = z.infer<typeof reportGroupingSchema>;

/** A report covers at most this many days, both ends included. */
export const REPORT_MAX_DAYS = 366;

const DAY_MS = 86_400_000;
const day = z.iso.date();

/** Days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function reportDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The range rules, on `to` so a 400 names it: not before `from`, at most REPORT_MAX_DAYS days. */
export function refineReportPeriod(p: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = reportDays(p.from, p.to);
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be on or after from (${p.from})` });
  else if (days > REPORT_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `the range may cover at most ${REPORT_MAX_DAYS} days; this one covers ${days}` });
}

const count = z.number().int().nonnegative();

/**
 * Raw counts of one group (or of the whole report) over the period, by the
 * call's start time. Leads are distinct: a lead called under two personas
 * counts in both groups but once in the totals.
 */
export const performanceCountsSchema = z.object({
  /** Distinct leads with a call (dialled or inbound). */
  leads: count,
  /** Calls the platform dialled (inbound calls are not dials), and of them those answered. */
  dialed: count,
  connected: count,
  /** Answered calls, dialled or inbound, and their seconds: the average call duration. */
  answered: count,
  answeredSeconds: z.number().nonnegative(),
  /** Distinct leads with at least one conversation read as qualified / not interested / asking for a callback / needing a person. */
  qualified: count,
  notInterested: count,
  callbacks: count,
  humanNeeded: count,
  /** What every call cost (dialled or inbound). */
  costUsd: z.number().nonnegative(),
});
export type PerformanceCounts = z.infer<typeof performanceCountsSchema>;

export const intelPerformanceStatsV1 = defineEndpoint({
  service: 'intelligence',
  verb: 'stats_performance',
  version: 1,
  request: z
    .object({
      from: day,
      to: day,
      /** Whose calendar days `from` and `to` are (the tenant's IANA zone). */
      timeZone: z.string().min(1).max(64),
      groupBy: reportGroupingSchema,
      campaignId: z.uuid().optional(),
    })
    .strict()
    .superRefine(refineReportPeriod),
  response: z.object({
    /** Groups with calls in the period; key null: calls outside any campaign, without a persona, or of an unrecorded source. */
    groups: z.array(z.object({ key: z.string().nullable(), counts: performanceCountsSchema })),
    totals: performanceCountsSchema,
  }),
});

const rate = z.number().min(0).max(1).nullable();

/** What a report shows for a group or in total; a rate or average over nothing is null. */
export const reportFiguresSchema = z.object({
  leads: count,
  dialed: count,
  connected: count,
  /** connected ÷ dialed */
  connectRate: rate,
  qualified: count,
  /** qualified ÷ leads */
  qualificationRate: rate,
  notInterested: count,
  callbacks: count,
  humanNeeded: count,
  /** Over answered calls, dialled or inbound. */
  averageCallDurationSeconds: z.number().nonnegative().nullable(),
  costUsd: z.number().nonnegative(),
  /** costUsd ÷ qualified */
  costPerQualifiedLeadUsd: z.number().nonnegative().nullable(),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const performanceReportSchema = z.object({
  period: z.object({ from: day, to: day, days: z.number().int().positive(), timeZone: z.string() }),
  groupBy: reportGroupingSchema,
  /** The campaign the report is narrowed to (name null when the campaign service did not answer). */
  campaign: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  generatedAt: z.iso.datetime({ offset: true }),
  /** One row per group with calls in the period, most leads first. */
  rows: z.array(reportFiguresSchema.extend({ key: z.string().nullable(), label: z.string() })),
  /** Over the whole report (distinct leads counted once); null when the call figures are missing. */
  totals: reportFiguresSchema.nullable(),
  /** Services that did not answer in time: `intelligence` leaves no figures, `campaign` no campaign or persona names. */
  partial: z.array(dashboardSourceSchema),
});
export type PerformanceReport = z.infer<typeof performanceReportSchema>;
