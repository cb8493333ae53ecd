import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { leadStatusSchema } from '../lead.model';

/** A lead has had no activity for the configured number of hours; emitted once per silent spell. */
export const leadSilentV1 = defineEvent({
  type: 'lead.silent',
  version: 1,
  stream: 'LEADS',
  subject: 'leads.silent.v1',
  data: z.object({
    leadId: z.uuid(),
    status: leadStatusSchema,
    contactPerson: z.string(),
    lastActivityAt: z.iso.datetime({ offset: true }),
    silentForHours: z.number().int().nonnegative(),
  }),
});
