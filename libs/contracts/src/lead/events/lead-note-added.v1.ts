import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { noteSchema } from '../lead.model';

export const leadNoteAddedV1 = defineEvent({
  type: 'lead.note_added',
  version: 1,
  stream: 'LEADS',
  subject: 'leads.note_added.v1',
  data: z.object({ note: noteSchema }),
});
