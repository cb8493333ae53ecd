import { z } from 'zod';
import { defineEvent } from '../envelope';
import { transcriptTurnSchema } from '../intel/analysis.model';
import { CALL_DIRECTIONS } from './call.model';

export const CALL_OUTCOMES = ['answered', 'no_answer', 'busy', 'voicemail', 'failed'] as const;

/** A call attempt finished (whatever happened). Emitted once per call by the dialer. */
export const callEndedV1 = defineEvent({
  type: 'call.ended',
  version: 1,
  stream: 'CALLS',
  subject: 'calls.ended.v1',
  data: z.object({
    callId: z.uuid(),
    leadId: z.uuid(),
    campaignId: z.uuid().nullable(),
    personaId: z.uuid().nullable(),
    /** 0 for an inbound call (the lead rang us); its outcome and transcript count, but it is no dial of a campaign. */
    attempt: z.number().int().nonnegative(),
    direction: z.enum(CALL_DIRECTIONS).default('outbound'),
    outcome: z.enum(CALL_OUTCOMES),
    /** The provider's reason, kept verbatim (VAPI endedReason, Twilio status). */
    endedReason: z.string().nullable(),
    durationSeconds: z.number().nonnegative(),
    costUsd: z.number().nonnegative(),
    recordingUrl: z.string().nullable(),
    /** The conversation as text (speaker-prefixed lines), for transcript intelligence. */
    transcript: z.string().nullable(),
    /** The same conversation as turns with start/end seconds, when the provider gave timings (VAPI artifact.messages). */
    turns: z.array(transcriptTurnSchema).optional(),
    summary: z.string().nullable(),
    startedAt: z.iso.datetime({ offset: true }),
    endedAt: z.iso.datetime({ offset: true }),
  }),
});
