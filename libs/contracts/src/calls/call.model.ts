import { z } from 'zod';

export const CALL_STATES = ['queued', 'dialing', 'ringing', 'in_progress', 'ended'] as const;
/** Dialled by us, or a lead calling one of our lines (answered through VAPI's assistant-request). */
export const CALL_DIRECTIONS = ['outbound', 'inbound'] as const;
export const CALL_END_OUTCOMES = ['completed', 'no_answer', 'busy', 'voicemail', 'failed', 'canceled'] as const;

export const callSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  campaignId: z.uuid().nullable(),
  leadId: z.uuid(),
  /** 1, 2, ... for our dials; 0 for an inbound call, which is no attempt. */
  attempt: z.number().int().nonnegative(),
  direction: z.enum(CALL_DIRECTIONS).default('outbound'),
  personaId: z.uuid().nullable(),
  provider: z.string(),
  providerCallId: z.string().nullable(),
  state: z.enum(CALL_STATES),
  outcome: z.enum(CALL_END_OUTCOMES).nullable(),
  endedReason: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  costUsd: z.number().nullable(),
  recordingUrl: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  startedAt: z.iso.datetime({ offset: true }).nullable(),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Call = z.infer<typeof callSchema>;
