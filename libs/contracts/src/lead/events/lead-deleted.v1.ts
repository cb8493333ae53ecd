import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { actorSchema } from '../../rpc';

/** A lead was soft-deleted: it no longer shows in lists, and its phone may be used by a new lead. */
export const leadDeletedV1 = defineEvent({
  type: 'lead.deleted',
  version: 1,
  stream: 'LEADS',
  subject: 'leads.deleted.v1',
  data: z.object({
    leadId: z.uuid(),
    version: z.number().int().positive(),
    deletedAt: z.iso.datetime({ offset: true }),
    actor: actorSchema,
  }),
});
