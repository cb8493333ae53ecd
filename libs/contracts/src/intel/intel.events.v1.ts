import { z } from 'zod';
import { defineEvent } from '../envelope';
import { callAnalysisSchema } from './analysis.model';

/**
 * The full reading of a call, for notifications (a qualified lead, a lead asking
 * for a human, a callback) and anyone else who needs more than the summary in
 * `intel.call_analyzed.v1`.
 */
export const intelAnalysisCompletedV1 = defineEvent({
  type: 'intel.analysis_completed',
  version: 1,
  stream: 'INTEL',
  subject: 'intel.analysis_completed.v1',
  data: z.object({
    callId: z.uuid(),
    leadId: z.uuid(),
    campaignId: z.uuid().nullable(),
    personaId: z.uuid().nullable(),
    /** offline, or the OpenAI model; `fallbackReason` says why OpenAI was not used when it should have been. */
    analyzer: z.string(),
    fallbackReason: z.string().nullable(),
    analysis: callAnalysisSchema,
    /** The lead status the analysis moved the lead to, or null when the lead was left as it was (e.g. a person changed it). */
    leadStatus: z.string().nullable(),
  }),
});
