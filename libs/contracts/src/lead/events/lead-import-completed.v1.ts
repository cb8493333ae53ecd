import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { importCountsSchema } from './lead-import-counts';

/**
 * An import finished (or failed). Leads it created are not announced one by one
 * (a million-row file would mean a million events); consumers that need them list
 * leads by `importId`.
 */
export const leadImportCompletedV1 = defineEvent({
  type: 'lead.import.completed',
  version: 1,
  stream: 'LEADS',
  subject: 'leads.import.completed.v1',
  data: z.object({
    importId: z.uuid(),
    status: z.enum(['completed', 'failed']),
    fileName: z.string(),
    counts: importCountsSchema,
    error: z.string().nullable(),
  }),
});
