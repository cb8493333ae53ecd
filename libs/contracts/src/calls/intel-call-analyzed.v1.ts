import { z } from 'zod';
import { defineEvent } from '../envelope';

export const CALL_CLASSIFICATIONS = ['qualified', 'not_interested', 'follow_up', 'callback_requested', 'human_input_needed', 'no_conversation'] as const;

/** Transcript intelligence read a call and decided what it means for the lead. */
export const intelCallAnalyzedV1 = defineEvent({
  type: 'intel.call_analyzed',
  version: 1,
  stream: 'INTEL',
  subject: 'intel.call_analyzed.v1',
  data: z.object({
    callId: z.uuid(),
    leadId: z.uuid(),
    campaignId: z.uuid().nullable(),
    personaId: z.uuid().nullable(),
    classification: z.enum(CALL_CLASSIFICATIONS),
    score: z.number().int().min(0).max(100),
    sentiment: z.enum(['positive', 'neutral', 'negative']),
  }),
});
