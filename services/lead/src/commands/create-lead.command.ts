import type { createLeadV1} from '@soraaya/contracts';
import { leadCreatedV1, type Lead, type ParsedRequestOf, type RequestMeta } from '@soraaya/contracts';
import { ConflictError, enqueueEvent, uuid7, withTenant } from '@soraaya/service-kit';
import { normalizeLeadFields } from '../domain/lead-fields';
import { findLiveLeadIdByPhone, insertLead, isUniqueViolation } from '../db/lead.repository';
import { originOf, regionOf, scoreOf, throwOnFieldErrors, type LeadDeps } from './command-context';

export async function createLead(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof createLeadV1>): Promise<Lead> {
  const { status, ...writable } = input;
  const { fields, notes } = normalizeLeadFields(writable, { region: regionOf(deps, meta) });
  throwOnFieldErrors(notes);
  const complete = {
    leadSource: 'manual',
    priority: 'medium' as const,
    ...fields,
  };
  const values = {
    ...complete,
    status: status ?? 'to_call',
    ...scoreOf(complete),
  };
  try {
    return await withTenant(deps.ds, meta.tenantId, async (tx) => {
      const existing = await findLiveLeadIdByPhone(tx, meta.tenantId, fields.phoneE164!);
      if (existing) throw duplicatePhone(fields.phoneE164!, existing);
      const lead = await insertLead(tx, { ...values, id: uuid7(), tenantId: meta.tenantId, createdBy: meta.actor.id });
      await enqueueEvent(tx, 'lead', leadCreatedV1, originOf(meta), { lead, actor: meta.actor });
      return lead;
    });
  } catch (err) {
    // Two creates of the same phone racing: the unique index decides, the loser gets a 409.
    if (isUniqueViolation(err, 'leads_tenant_phone_live')) throw duplicatePhone(fields.phoneE164!, null);
    throw err;
  }
}

export function duplicatePhone(phoneE164: string, existingId: string | null): ConflictError {
  return new ConflictError(`A lead with phone ${phoneE164} already exists`, { field: 'phone', existingLeadId: existingId });
}
