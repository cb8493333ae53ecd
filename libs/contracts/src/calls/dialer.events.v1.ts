import { z } from 'zod';
import { defineEvent } from '../envelope';

/** A provider failed too often: the dialer paused the campaign and will probe before resuming. */
export const dialerCircuitOpenedV1 = defineEvent({
  type: 'dialer.circuit_opened',
  version: 1,
  stream: 'CALLS',
  subject: 'calls.circuit_opened.v1',
  data: z.object({ provider: z.string(), campaignId: z.uuid(), errorRate: z.number(), window: z.number().int(), lastError: z.string() }),
});

/** A dial the compliance checks refused, and why (recorded, never silent). */
export const dialSkippedV1 = defineEvent({
  type: 'dialer.dial_skipped',
  version: 1,
  stream: 'CALLS',
  subject: 'calls.dial_skipped.v1',
  data: z.object({
    campaignId: z.uuid(),
    leadId: z.uuid(),
    reason: z.enum(['dnc', 'lead_status', 'max_attempts', 'outside_window', 'no_phone', 'lead_missing', 'campaign_inactive']),
    detail: z.string(),
    rescheduledTo: z.iso.datetime({ offset: true }).nullable(),
  }),
});
