import { z } from 'zod';
import { defineEvent } from '../../envelope';

/**
 * Work item: an import was accepted and its file is in the object store. The lead
 * service consumes it durably, so an import survives a restart and resumes from
 * its last committed batch.
 */
export const leadImportRequestedV1 = defineEvent({
  type: 'lead.import.requested',
  version: 1,
  stream: 'LEADS',
  subject: 'leads.import.requested.v1',
  data: z.object({ importId: z.uuid() }),
});
