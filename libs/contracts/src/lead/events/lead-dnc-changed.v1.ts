import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { actorSchema } from '../../rpc';

/** A number joined or left the tenant's do-not-call list; lets the dialer keep a local copy. */
export const leadDncChangedV1 = defineEvent({
  type: 'lead.dnc_changed',
  version: 1,
  stream: 'LEADS',
  subject: 'leads.dnc_changed.v1',
  data: z.object({ phoneE164: z.string(), blocked: z.boolean(), reason: z.string().nullable(), actor: actorSchema }),
});
