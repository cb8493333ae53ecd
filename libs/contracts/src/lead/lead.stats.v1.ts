import { z } from 'zod';
import { defineEndpoint } from '../rpc';
import { leadStatusSchema } from './lead.model';

/**
 * The lead service's own figures for the dashboard. Days are UTC calendar days;
 * a period of `days` is the last `days` days, today included, and the previous
 * period the `days` days before it.
 */
const count = z.number().int().nonnegative();
/** Every one of the eleven statuses, zeros included. */
const byStatus = z.record(leadStatusSchema, count);
const statsWindow = z.object({ campaignId: z.uuid().optional(), days: z.number().int().min(1).max(366) }).strict();

export const leadStatsV1 = defineEndpoint({
  service: 'lead',
  verb: 'stats',
  version: 1,
  request: statsWindow,
  response: z.object({
    days: z.number().int(),
    /** Leads per status now (the counts read model). */
    now: byStatus,
    /** Leads per status when the period began (now, less what moved since: the daily flow read model). */
    atPeriodStart: byStatus,
    /** Leads added (by their creation time). */
    created: z.object({ period: count, previousPeriod: count, today: count, yesterday: count }),
    createdTodayBySource: z.array(z.object({ source: z.string(), count })),
    /** Per source over the period: leads added, and leads that moved into `qualified`. */
    sources: z.array(z.object({ source: z.string(), created: count, qualified: count })),
  }),
});

export const leadDailyStatsV1 = defineEndpoint({
  service: 'lead',
  verb: 'stats_daily',
  version: 1,
  request: statsWindow,
  /** Only days with any movement; a missing day had none. */
  response: z.object({ days: z.array(z.object({ day: z.iso.date(), created: count, qualified: count })) }),
});

/** Statuses whose arrival the dashboard's activity list shows (a person should know about them). */
export const NOTABLE_LEAD_STATUSES = ['qualified', 'callback_requested', 'human_input_needed', 'human_follow_up'] as const;

export const leadRecentStatsV1 = defineEndpoint({
  service: 'lead',
  verb: 'stats_recent',
  version: 1,
  request: z
    .object({
      limit: z.number().int().min(1).max(50),
      /** Agents: only moves of leads assigned to this user, and only their names. */
      assignedUserId: z.uuid().optional(),
      /** Leads to name (e.g. those of recent calls). */
      leadIds: z.array(z.uuid()).max(100).default([]),
    })
    .strict(),
  response: z.object({
    /** The latest moves into a notable status, newest first. */
    moves: z.array(
      z.object({
        leadId: z.uuid(),
        contactPerson: z.string(),
        campaignId: z.uuid().nullable(),
        from: z.string(),
        to: leadStatusSchema,
        actorType: z.string(),
        actorName: z.string().nullable(),
        at: z.iso.datetime({ offset: true }),
      }),
    ),
    /** The asked-for leads that exist (and, for an agent, are theirs). */
    leads: z.array(z.object({ id: z.uuid(), contactPerson: z.string() })),
  }),
});
