import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { actorSchema } from '../../rpc';
import { leadSchema } from '../lead.model';

/** A lead was created one by one (form, API, seed). Imported leads are announced by `lead.import.completed.v1`. */
export const leadCreatedV1 = defineEvent({
  type: 'lead.created',
  version: 1,
  stream: 'LEADS',
  subject: 'leads.created.v1',
  data: z.object({ lead: leadSchema, actor: actorSchema }),
});
