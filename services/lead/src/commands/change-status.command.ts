import { leadStatusChangedV1, type Lead, type LeadStatus, type ParsedRequestOf, type RequestMeta, type changeLeadStatusV1 } from '@soraaya/contracts';
import { BadRequestError, ConflictError, NotFoundError, buildEnvelope, enqueueEvents, withTenant, type OutboxItem } from '@soraaya/service-kit';
import { checkTransition } from '../domain/lead-status.machine';
import { findLead, recordActivities, updateLeadColumns } from '../db/lead.repository';
import { assertVersion } from './update-lead.command';
import { moverOf, originOf, scoreOf, type LeadDeps } from './command-context';

export async function changeLeadStatus(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof changeLeadStatusV1>): Promise<Lead> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const lead = await findLead(tx, meta.tenantId, input.id, { forUpdate: true });
    if (!lead) throw new NotFoundError(`Lead ${input.id} not found`);
    assertVersion(lead, input.expectedVersion);
    const mover = moverOf(meta);
    assertStatusChange(lead.status, input.status, mover, input.reason, input.callbackAt);

    const updated = await updateLeadColumns(tx, meta.tenantId, lead.id, statusColumns(lead, input.status, input.callbackAt));
    await recordActivities(tx, [statusActivity(meta, lead.id, lead.status, input.status, mover, input.reason ?? null)]);
    await enqueueEvents(tx, 'lead', [statusChangedEvent(meta, lead.status, updated, mover, input.reason ?? null)]);
    return updated;
  });
}

/** The rules every status change obeys, single or bulk. */
export function assertStatusChange(from: LeadStatus, to: LeadStatus, mover: 'manual' | 'auto', reason: string | undefined, callbackAt: string | undefined): void {
  const check = checkTransition(from, to, mover);
  if (!check.allowed) throw new ConflictError(check.reason, { from, to, allowed: check.allowedTargets });
  if (mover === 'manual' && !reason) {
    throw new BadRequestError('reason: a manual status change must say why (it is recorded on the lead timeline)', {
      issues: [{ path: 'reason', message: 'is required for manual status changes' }],
    });
  }
  if (to === 'callback_requested' && mover === 'manual' && !callbackAt) {
    throw new BadRequestError('callbackAt: say when to call back', { issues: [{ path: 'callbackAt', message: 'is required when requesting a callback' }] });
  }
  if (callbackAt && new Date(callbackAt).getTime() < Date.now() - 60_000) {
    throw new BadRequestError('callbackAt: must be in the future', { issues: [{ path: 'callbackAt', message: 'must be in the future' }] });
  }
}

export function statusColumns(lead: Lead, to: LeadStatus, callbackAt?: string, now = new Date()): Record<string, unknown> {
  const columns: Record<string, unknown> = { status: to };
  if (callbackAt) columns.callbackAt = callbackAt;
  if (to === 'follow_up') columns.followUpCount = lead.followUpCount + 1;
  if (to === 'in_call') {
    // The lead picked up: that is a contact, and the score's engagement recency counts from it.
    columns.lastContactedAt = now.toISOString();
    Object.assign(columns, scoreOf({ ...lead, lastContactedAt: columns.lastContactedAt as string }, now));
  }
  return columns;
}

/** The outbox item announcing a status change, shared by single and bulk changes. */
export function statusChangedEvent(meta: RequestMeta, from: LeadStatus, after: Lead, mover: 'manual' | 'auto', reason: string | null): OutboxItem {
  return {
    subject: leadStatusChangedV1.subject,
    envelope: buildEnvelope(leadStatusChangedV1, originOf(meta), {
      leadId: after.id,
      from,
      to: after.status,
      reason,
      manual: mover === 'manual',
      actor: meta.actor,
      lead: after,
    }),
  };
}

export function statusActivity(meta: RequestMeta, leadId: string, from: LeadStatus, to: LeadStatus, mover: 'manual' | 'auto', reason: string | null) {
  return {
    tenantId: meta.tenantId,
    leadId,
    kind: 'status_changed' as const,
    summary: `${from} → ${to}${mover === 'manual' ? ' (manual override)' : ''}${reason ? `: ${reason}` : ''}`,
    actor: meta.actor,
    details: { from, to, manual: mover === 'manual', reason },
  };
}
