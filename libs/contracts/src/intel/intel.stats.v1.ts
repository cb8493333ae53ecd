import { z } from 'zod';
import { CALL_OUTCOMES } from '../calls/call-ended.v1';
import { CALL_CLASSIFICATIONS } from '../calls/intel-call-analyzed.v1';
import { defineEndpoint } from '../rpc';

/**
 * Transcript intelligence's own figures for the dashboard: it keeps every ended
 * call, answered or not. Days are UTC calendar days (as the insight rollups);
 * a period of `days` is the last `days` days, today included.
 */
const count = z.number().int().nonnegative();
const statsWindow = z.object({ campaignId: z.uuid().optional(), days: z.number().int().min(1).max(366) }).strict();

export const callFiguresSchema = z.object({
  calls: count,
  answered: count,
  /** Distinct leads called, and of them those who answered at least once. */
  leadsCalled: count,
  leadsAnswered: count,
  /** Seconds spent in answered calls. */
  answeredSeconds: z.number().nonnegative(),
  costUsd: z.number().nonnegative(),
  /** Answered calls with a conversation that was analysed, and those classified qualified. */
  conversations: count,
  qualified: count,
  /** Distinct clock hours with at least one call: the hours the platform was calling. */
  callingHours: count,
});
export type CallFigures = z.infer<typeof callFiguresSchema>;

export const intelCallStatsV1 = defineEndpoint({
  service: 'intelligence',
  verb: 'stats_calls',
  version: 1,
  request: statsWindow,
  response: z.object({
    days: z.number().int(),
    period: callFiguresSchema,
    previousPeriod: callFiguresSchema,
    today: callFiguresSchema,
    yesterday: callFiguresSchema,
    /** Calls over the period by the hour of day on the lead's own clock (hours with calls only). */
    byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), calls: count, answered: count })),
  }),
});

export const intelDailyStatsV1 = defineEndpoint({
  service: 'intelligence',
  verb: 'stats_daily',
  version: 1,
  request: statsWindow,
  /** Only days with calls. */
  response: z.object({ days: z.array(z.object({ day: z.iso.date(), calls: count, answered: count, conversations: count, qualified: count })) }),
});

export const intelRecentCallsV1 = defineEndpoint({
  service: 'intelligence',
  verb: 'stats_recent_calls',
  version: 1,
  request: z.object({ limit: z.number().int().min(1).max(50) }).strict(),
  response: z.object({
    items: z.array(
      z.object({
        callId: z.uuid(),
        leadId: z.uuid(),
        campaignId: z.uuid().nullable(),
        outcome: z.enum(CALL_OUTCOMES),
        classification: z.enum(CALL_CLASSIFICATIONS).nullable(),
        score: z.number().int().nullable(),
        durationSeconds: z.number().nonnegative(),
        endedAt: z.iso.datetime({ offset: true }),
      }),
    ),
  }),
});
