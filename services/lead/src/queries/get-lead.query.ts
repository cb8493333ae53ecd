import type { Activity, findLeadByPhoneV1, getLeadV1, ParsedRequestOf, RequestMeta, ResponseOf } from '@soraaya/contracts';
import { NotFoundError, withTenant } from '@soraaya/service-kit';
import { requestPhoneE164, type LeadDeps } from '../commands/command-context';
import { findLead, findLiveLeadIdByPhone, listActivities, listNotes } from '../db/lead.repository';

/** A lead with its timeline (newest first, ending with how it was created) and notes. */
export async function getLead(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof getLeadV1>): Promise<ResponseOf<typeof getLeadV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const lead = await findLead(tx, meta.tenantId, input.id);
    if (!lead) throw new NotFoundError(`Lead ${input.id} not found`);
    if (!input.withHistory) return { lead, timeline: [], notes: [] };
    // One after another: they share the transaction's single connection.
    const activities = await listActivities(tx, meta.tenantId, lead.id);
    const notes = await listNotes(tx, meta.tenantId, lead.id);
    const creator: { created_by: string | null }[] = await tx.query(`select created_by from lead.leads where id = $1`, [lead.id]);
    const created: Activity = {
      id: lead.id,
      leadId: lead.id,
      kind: 'created',
      summary: lead.importId ? `Imported (source ${lead.leadSource})` : `Created (source ${lead.leadSource})`,
      actor: { type: 'user', id: creator[0]?.created_by ?? 'unknown', name: null },
      details: { importId: lead.importId, status: lead.status },
      occurredAt: lead.createdAt,
    };
    return { lead, timeline: [...activities, created], notes };
  });
}

export async function findLeadByPhone(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof findLeadByPhoneV1>): Promise<ResponseOf<typeof findLeadByPhoneV1>> {
  const phone = requestPhoneE164(deps, meta, input.phone);
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const id = await findLiveLeadIdByPhone(tx, meta.tenantId, phone);
    return { lead: id ? await findLead(tx, meta.tenantId, id) : null };
  });
}
