import { z } from 'zod';
import { defineEvent } from '../envelope';

/** The dialer placed a call (the lead is being dialed). */
export const callStartedV1 = defineEvent({
  type: 'call.started',
  version: 1,
  stream: 'CALLS',
  subject: 'calls.started.v1',
  data: z.object({
    callId: z.uuid(),
    leadId: z.uuid(),
    campaignId: z.uuid().nullable(),
    personaId: z.uuid().nullable(),
    attempt: z.number().int().positive(),
    provider: z.string(),
    startedAt: z.iso.datetime({ offset: true }),
  }),
});
