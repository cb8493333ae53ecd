import { z } from 'zod';
import { defineEvent } from '../envelope';
import { callSchema } from './call.model';

/** Any move of a call through its states: what the console's live call view shows. */
export const callStatusChangedV1 = defineEvent({
  type: 'call.status_changed',
  version: 1,
  stream: 'CALLS',
  subject: 'calls.status_changed.v1',
  data: z.object({ call: callSchema }),
});
