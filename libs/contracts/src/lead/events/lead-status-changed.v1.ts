import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { actorSchema } from '../../rpc';
import { leadSchema, leadStatusSchema } from '../lead.model';

export const leadStatusChangedV1 = defineEvent({
  type: 'lead.status_changed',
  version: 1,
  stream: 'LEADS',
  subject: 'leads.status_changed.v1',
  data: z.object({
    leadId: z.uuid(),
    from: leadStatusSchema,
    to: leadStatusSchema,
    reason: z.string().nullable(),
    /** true when a person overrode the flow by hand rather than the platform moving the lead. */
    manual: z.boolean(),
    actor: actorSchema,
    lead: leadSchema,
  }),
});
