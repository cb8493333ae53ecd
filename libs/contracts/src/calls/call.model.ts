import { z } from 'zod';

export const CALL_STATES = ['queued', 'dialing', 'ringing', 'in_progress', 'ended'] as const;
export const CALL_END_OUTCOMES = ['completed', 'no_answer', 'busy', 'voicemail', 'failed', 'canceled'] as const;

export const callSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  campaignId: z.uuid().nullable(),
  leadId: z.uuid(),
  attempt: z.number().int().positive(),
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
