import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { actorSchema } from '../../rpc';
import { leadSchema } from '../lead.model';

/** Fields of a lead changed (not its status: that is `lead.status_changed.v1`). Carries the new snapshot. */
export const leadUpdatedV1 = defineEvent({
  type: 'lead.updated',
  version: 1,
  stream: 'LEADS',
  subject: 'leads.updated.v1',
  data: z.object({
    lead: leadSchema,
    changedFields: z.array(z.string()).min(1),
    actor: actorSchema,
  }),
});
