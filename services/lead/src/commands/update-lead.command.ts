import { leadUpdatedV1, type Lead, type ParsedRequestOf, type RequestMeta, type updateLeadV1 } from '@soraaya/contracts';
import { ConflictError, NotFoundError, enqueueEvent, withTenant } from '@soraaya/service-kit';
import { normalizeLeadFields } from '../domain/lead-fields';
import { findLead, findLiveLeadIdByPhone, isUniqueViolation, recordActivities, updateLeadColumns } from '../db/lead.repository';
import { duplicatePhone } from './create-lead.command';
import { originOf, regionOf, scoreOf, throwOnFieldErrors, type LeadDeps } from './command-context';

export async function updateLead(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof updateLeadV1>): Promise<Lead> {
  try {
    return await withTenant(deps.ds, meta.tenantId, async (tx) => {
      const lead = await findLead(tx, meta.tenantId, input.id, { forUpdate: true });
      if (!lead) throw new NotFoundError(`Lead ${input.id} not found`);
      assertVersion(lead, input.version);
      const { fields, notes } = normalizeLeadFields(input.changes, { region: regionOf(deps, meta), existingTimeZone: lead.timeZone });
      throwOnFieldErrors(notes, 'changes.');

      const changed = Object.entries(fields).filter(([k, v]) => JSON.stringify((lead as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v ?? null));
      if (!changed.length) return lead;
      const changes = Object.fromEntries(changed);
      if (changes.phoneE164) {
        const other = await findLiveLeadIdByPhone(tx, meta.tenantId, changes.phoneE164 as string);
        if (other && other !== lead.id) throw duplicatePhone(changes.phoneE164 as string, other);
      } else {
        delete changes.phoneRaw; // same number, written differently: not a change worth a version
      }
      const visible = Object.keys(changes);
      if (!visible.length) return lead;
      const merged = { ...lead, ...changes } as Lead;
      const updated = await updateLeadColumns(tx, meta.tenantId, lead.id, { ...changes, ...scoreOf(merged) });
      await recordActivities(tx, [
        {
          tenantId: meta.tenantId,
          leadId: lead.id,
          kind: 'updated',
          summary: `Updated ${visible.join(', ')}`,
          actor: meta.actor,
          details: { changes: Object.fromEntries(visible.map((k) => [k, { from: (lead as Record<string, unknown>)[k] ?? null, to: changes[k] ?? null }])) },
        },
      ]);
      await enqueueEvent(tx, 'lead', leadUpdatedV1, originOf(meta), { lead: updated, changedFields: visible, actor: meta.actor });
      return updated;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'leads_tenant_phone_live')) throw duplicatePhone(String(input.changes.phone), null);
    throw err;
  }
}

/** Optimistic locking: a write based on an old read is refused, never silently lost. */
export function assertVersion(lead: Lead, expected: number | undefined): void {
  if (expected !== undefined && lead.version !== expected) {
    throw new ConflictError(
      `Lead ${lead.id} was changed by someone else (now version ${lead.version}, you had ${expected}); reload it and try again`,
      { currentVersion: lead.version },
    );
  }
}
