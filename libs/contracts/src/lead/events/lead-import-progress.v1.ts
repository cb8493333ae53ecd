import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { importCountsSchema } from './lead-import-counts';

/** Emitted after each committed batch of an import, for progress bars. */
export const leadImportProgressV1 = defineEvent({
  type: 'lead.import.progress',
  version: 1,
  stream: 'LEADS',
  subject: 'leads.import.progress.v1',
  data: z.object({
    importId: z.uuid(),
    bytesRead: z.number().int().nonnegative(),
    totalBytes: z.number().int().nonnegative(),
    counts: importCountsSchema,
  }),
});
