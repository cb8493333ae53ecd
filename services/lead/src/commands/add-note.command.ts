import { leadNoteAddedV1, type addLeadNoteV1, type Note, type ParsedRequestOf, type RequestMeta } from '@soraaya/contracts';
import { NotFoundError, enqueueEvent, withTenant } from '@soraaya/service-kit';
import { findLead, insertNote, recordActivities, touchActivity } from '../db/lead.repository';
import { originOf, type LeadDeps } from './command-context';

export async function addLeadNote(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof addLeadNoteV1>): Promise<Note> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const lead = await findLead(tx, meta.tenantId, input.id);
    if (!lead) throw new NotFoundError(`Lead ${input.id} not found`);
    const note = await insertNote(tx, meta.tenantId, lead.id, input.body, meta.actor);
    await recordActivities(tx, [
      {
        tenantId: meta.tenantId,
        leadId: lead.id,
        kind: 'note',
        summary: input.body.length > 120 ? `${input.body.slice(0, 117)}…` : input.body,
        actor: meta.actor,
        details: { noteId: note.id },
      },
    ]);
    await touchActivity(tx, meta.tenantId, lead.id);
    await enqueueEvent(tx, 'lead', leadNoteAddedV1, originOf(meta), { note });
    return note;
  });
}
