import { leadDeletedV1, type deleteLeadV1, type ParsedRequestOf, type RequestMeta, type ResponseOf } from '@soraaya/contracts';
import { NotFoundError, enqueueEvent, queryRows, withTenant } from '@soraaya/service-kit';
import { findLead, recordActivities } from '../db/lead.repository';
import { assertVersion } from './update-lead.command';
import { originOf, type LeadDeps } from './command-context';

/** Soft delete: the lead leaves every list and frees its phone number, but its history stays. */
export async function deleteLead(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof deleteLeadV1>): Promise<ResponseOf<typeof deleteLeadV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const lead = await findLead(tx, meta.tenantId, input.id, { forUpdate: true });
    if (!lead) throw new NotFoundError(`Lead ${input.id} not found`);
    assertVersion(lead, input.version);
    const rows = await queryRows<{ deleted_at: Date; version: number }>(
      tx,
      `update lead.leads set deleted_at = now(), version = version + 1, updated_at = now() where tenant_id = $1 and id = $2 returning deleted_at, version`,
      [meta.tenantId, lead.id],
    );
    const deletedAt = rows[0]!.deleted_at.toISOString();
    await recordActivities(tx, [{ tenantId: meta.tenantId, leadId: lead.id, kind: 'deleted', summary: 'Deleted', actor: meta.actor }]);
    await enqueueEvent(tx, 'lead', leadDeletedV1, originOf(meta), { leadId: lead.id, version: rows[0]!.version, deletedAt, actor: meta.actor });
    return { id: lead.id, deletedAt };
  });
}
