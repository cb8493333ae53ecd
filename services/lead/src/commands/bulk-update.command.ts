import {
  leadUpdatedV1,
  type bulkUpdateLeadsV1,
  type Lead,
  type ParsedRequestOf,
  type RequestMeta,
  type ResponseOf,
} from '@soraaya/contracts';
import { AppError, buildEnvelope, enqueueEvents, queryRows, withTenant, type OutboxItem } from '@soraaya/service-kit';
import type { EntityManager } from 'typeorm';
import { LEAD_SELECT, rowToLead, type LeadRow } from '../db/lead-row';
import { recordActivities, type ActivityInput } from '../db/lead.repository';
import { assertStatusChange, statusActivity, statusChangedEvent } from './change-status.command';
import { moverOf, originOf, type LeadDeps } from './command-context';

type Result = { id: string; ok: boolean; error?: { code: string; message: string } };

/**
 * Changes status, priority and/or campaign of up to 10,000 leads in one
 * transaction with set-based SQL. Each id is all-or-nothing and gets its own
 * result: a forbidden status move or an unknown id fails that id only.
 */
export async function bulkUpdateLeads(
  deps: LeadDeps,
  meta: RequestMeta,
  input: ParsedRequestOf<typeof bulkUpdateLeadsV1>,
): Promise<ResponseOf<typeof bulkUpdateLeadsV1>> {
  const ids = [...new Set(input.ids)];
  const { changes } = input;
  const mover = moverOf(meta);
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const rows: LeadRow[] = await tx.query(
      `select ${LEAD_SELECT} from lead.leads where tenant_id = $1 and id = any($2::uuid[]) and deleted_at is null order by id for update`,
      [meta.tenantId, ids],
    );
    const byId = new Map(rows.map((r) => [r.id, rowToLead(r)]));
    const results = new Map<string, Result>();
    const eligible: Lead[] = [];
    for (const id of ids) {
      const lead = byId.get(id);
      if (!lead) {
        results.set(id, { id, ok: false, error: { code: 'not_found', message: 'Lead not found' } });
        continue;
      }
      if (changes.status !== undefined && changes.status !== lead.status) {
        try {
          assertStatusChange(lead.status, changes.status, mover, input.reason, undefined);
          if (changes.status === 'callback_requested' && !lead.callbackAt) throw new AppError('bad_request', 'callback_requested needs a callback time; set it one lead at a time');
        } catch (err) {
          const e = err as AppError;
          results.set(id, { id, ok: false, error: { code: e.code ?? 'conflict', message: e.message } });
          continue;
        }
      }
      eligible.push(lead);
      results.set(id, { id, ok: true }); // already in the asked state counts as done
    }

    const updated = await applyBulkChanges(tx, meta.tenantId, eligible, changes);
    const activities: ActivityInput[] = [];
    const events: OutboxItem[] = [];
    const origin = originOf(meta);
    for (const after of updated) {
      const before = byId.get(after.id)!;
      if (before.status !== after.status) {
        activities.push(statusActivity(meta, after.id, before.status, after.status, mover, input.reason ?? null));
        events.push(statusChangedEvent(meta, before.status, after, mover, input.reason ?? null));
      }
      const fieldChanges = (['priority', 'campaignId', 'assignedUserId'] as const).filter((f) => before[f] !== after[f]);
      if (fieldChanges.length) {
        activities.push({
          tenantId: meta.tenantId,
          leadId: after.id,
          kind: 'updated',
          summary: `Bulk update: ${fieldChanges.join(', ')}`,
          actor: meta.actor,
          details: { changes: Object.fromEntries(fieldChanges.map((f) => [f, { from: before[f], to: after[f] }])), bulk: true },
        });
        events.push({
          subject: leadUpdatedV1.subject,
          envelope: buildEnvelope(leadUpdatedV1, origin, { lead: after, changedFields: fieldChanges, actor: meta.actor }),
        });
      }
    }
    await recordActivities(tx, activities);
    await enqueueEvents(tx, 'lead', events);
    return summarize(ids.map((id) => results.get(id)!));
  });
}

function summarize(results: Result[]): ResponseOf<typeof bulkUpdateLeadsV1> {
  const okIds: string[] = [];
  const groups = new Map<string, { code: string; message: string; ids: string[] }>();
  for (const r of results) {
    if (r.ok) {
      okIds.push(r.id);
      continue;
    }
    const key = `${r.error!.code}\u0000${r.error!.message}`;
    const group = groups.get(key) ?? { ...r.error!, ids: [] };
    group.ids.push(r.id);
    groups.set(key, group);
  }
  return { updated: okIds.length, failed: results.length - okIds.length, okIds, failures: [...groups.values()] };
}

/** One UPDATE for all eligible leads; rows already in the target state are left untouched (no version bump). */
async function applyBulkChanges(
  tx: EntityManager,
  tenantId: string,
  leads: Lead[],
  changes: ParsedRequestOf<typeof bulkUpdateLeadsV1>['changes'],
): Promise<Lead[]> {
  const toChange = leads.filter(
    (l) =>
      (changes.status !== undefined && l.status !== changes.status) ||
      (changes.priority !== undefined && l.priority !== changes.priority) ||
      (changes.campaignId !== undefined && l.campaignId !== changes.campaignId) ||
      (changes.assignedUserId !== undefined && l.assignedUserId !== changes.assignedUserId),
  );
  if (!toChange.length) return [];
  const sets = ['version = version + 1', 'updated_at = now()', 'last_activity_at = now()'];
  const params: unknown[] = [tenantId, toChange.map((l) => l.id)];
  if (changes.status !== undefined) {
    params.push(changes.status);
    sets.push(`status = $${params.length}`);
    if (changes.status === 'follow_up') sets.push(`follow_up_count = follow_up_count + case when status <> 'follow_up' then 1 else 0 end`);
  }
  if (changes.priority !== undefined) {
    params.push(changes.priority);
    sets.push(`priority = $${params.length}`);
  }
  if (changes.campaignId !== undefined) {
    params.push(changes.campaignId);
    sets.push(`campaign_id = $${params.length}::uuid`);
  }
  if (changes.assignedUserId !== undefined) {
    params.push(changes.assignedUserId);
    sets.push(`assigned_user_id = $${params.length}::uuid`);
  }
  const rows = await queryRows<LeadRow>(
    tx,
    `update lead.leads set ${sets.join(', ')} where tenant_id = $1 and id = any($2::uuid[]) returning ${LEAD_SELECT}`,
    params,
  );
  return rows.map(rowToLead);
}
