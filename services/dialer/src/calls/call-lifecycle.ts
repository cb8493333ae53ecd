import { callEndedV1, callStartedV1, callStatusChangedV1, type Call } from '@soraaya/contracts';
import { buildEnvelope, enqueueEvents, queryRows, withTenant, type Logger, type OutboxItem } from '@soraaya/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { applyObservation, type ProviderObservation } from '../domain/call-state.machine';
import { afterCall } from '../domain/retry-policy';
import type { DialerMetrics } from '../metrics/dialer.metrics';
import type { RedisSlots } from '../slots/redis-slots';
import { factsOf, rowToCall, type CallRow, type DialerCampaign } from './call-row';
import type { LeadStatusClient } from './lead-status.client';

export interface LifecycleDeps {
  ds: DataSource;
  slots: RedisSlots;
  leads: LeadStatusClient;
  logger: Logger;
  minGapMinutes: number;
  /** Called when a slot frees, so the pacer dials the next lead at once. */
  onSlotFreed: (campaignId?: string) => void;
  metrics?: DialerMetrics;
}

const origin = (call: { tenant_id: string; id: string }) => ({ tenantId: call.tenant_id, correlationId: `call-${call.id}` });

export function statusChangedItem(row: CallRow): OutboxItem {
  return { subject: callStatusChangedV1.subject, envelope: buildEnvelope(callStatusChangedV1, origin(row), { call: rowToCall(row) }) };
}

export function startedItem(row: CallRow): OutboxItem {
  return {
    subject: callStartedV1.subject,
    envelope: buildEnvelope(callStartedV1, origin(row), {
      callId: row.id,
      leadId: row.lead_id,
      campaignId: row.campaign_id,
      personaId: row.persona_id,
      attempt: row.attempt,
      provider: row.provider,
      startedAt: (row.started_at ?? new Date()).toISOString(),
    }),
  };
}

/**
 * Applies what a provider says about a call: moves it forward through its states
 * (never back), and when it ends frees the slot, schedules the next attempt or
 * finishes the lead, and announces the end with everything transcript
 * intelligence needs. The call, the queue and the events commit together.
 */
export async function observeCall(deps: LifecycleDeps, tenantId: string, callId: string, o: ProviderObservation): Promise<{ call: Call; ended: boolean } | null> {
  const result = await withTenant(deps.ds, tenantId, async (tx) => {
    const rows: CallRow[] = await tx.query(`select * from dialer.calls where tenant_id = $1 and id = $2 for update`, [tenantId, callId]);
    const row = rows[0];
    if (!row) return null;
    const { next, changed, ended } = applyObservation(factsOf(row), o);
    if (!changed) {
      await tx.query(`update dialer.calls set last_event_at = now() where id = $1`, [callId]);
      return { row, ended: false, policy: null };
    }
    const [updated] = await queryRows<CallRow>(
      tx,
      `update dialer.calls set state = $2, outcome = $3, answered = $4, ended_reason = $5, duration_seconds = $6, cost_usd = $7, recording_url = $8,
         transcript = $9, summary = $10, turns = $11, last_event_at = now(), ended_at = case when $2 = 'ended' then coalesce(ended_at, now()) else ended_at end
       where id = $1 returning *`,
      [callId, next.state, next.outcome, next.answered, next.endedReason, next.durationSeconds, next.costUsd, next.recordingUrl, next.transcript, next.summary, next.turns ? JSON.stringify(next.turns) : null],
    );
    const events: OutboxItem[] = [];
    if (row.state !== updated!.state) events.push(statusChangedItem(updated!));
    let policy: DialerCampaign | null = null;
    if (ended) {
      policy = await finishAttempt(tx, deps, updated!, events);
    } else if (row.state === 'ended') {
      // A late end-of-call report filled in the transcript: the end is announced now, once.
      if (!row.transcript && updated!.transcript) events.push(endedItem(updated!));
    }
    await enqueueEvents(tx, 'dialer', events);
    return { row: updated!, ended, policy };
  });
  if (!result) return null;
  const row = result.row;
  if (row.direction === 'inbound') {
    // The lead rang us: no slot was taken, no queue waits on it, and intelligence decides the lead's status.
    if (result.ended) deps.metrics?.calls.inc({ provider: row.provider, outcome: row.outcome ?? 'failed' });
  } else if (result.ended) {
    deps.metrics?.calls.inc({ provider: row.provider, outcome: row.outcome ?? 'failed' });
    if (row.campaign_id) await deps.slots.release(row.id, row.tenant_id, row.campaign_id);
    deps.onSlotFreed(row.campaign_id ?? undefined);
    const after = result.policy ? afterCall(row.outcome ?? 'failed', row.attempt, result.policy.policy, deps.minGapMinutes, row.ended_at ?? new Date()) : null;
    // A call back booked during the call (the agent's book_callback tool) decides where the lead goes next.
    const callbackAt = row.requested_callback_at?.toISOString();
    const path = callbackAt ? (['in_call', 'callback_requested'] as const) : after?.kind === 'spoke' ? (['in_call', 'follow_up'] as const) : after ? ([after.leadStatus] as const) : [];
    await deps.leads.move(row.tenant_id, row.lead_id, [...path], `call-${row.id}`, callbackAt);
  } else if (row.campaign_id && row.state !== 'ended') {
    await deps.slots.heartbeat(row.id, row.tenant_id, row.campaign_id);
    if (row.state === 'in_progress' && o.state === 'in_progress') await deps.leads.move(row.tenant_id, row.lead_id, ['in_call'], `call-${row.id}`);
  }
  return { call: rowToCall(row), ended: result.ended };
}

function endedItem(row: CallRow): OutboxItem {
  const outcome = row.outcome === 'completed' ? 'answered' : row.outcome === 'canceled' || row.outcome === null ? 'failed' : row.outcome;
  return {
    subject: callEndedV1.subject,
    envelope: buildEnvelope(callEndedV1, origin(row), {
      callId: row.id,
      leadId: row.lead_id,
      campaignId: row.campaign_id,
      personaId: row.persona_id,
      attempt: row.attempt,
      direction: row.direction,
      outcome,
      endedReason: row.ended_reason,
      durationSeconds: Number(row.duration_seconds ?? 0),
      costUsd: Number(row.cost_usd ?? 0),
      startedAt: (row.started_at ?? row.created_at).toISOString(),
      endedAt: (row.ended_at ?? new Date()).toISOString(),
      recordingUrl: row.recording_url,
      transcript: row.transcript,
      ...(row.turns ? { turns: row.turns } : {}),
      summary: row.summary,
    }),
  };
}

/** The queue's side of an ended attempt, in the same transaction as the call's end. */
async function finishAttempt(tx: EntityManager, deps: LifecycleDeps, row: CallRow, events: OutboxItem[]): Promise<DialerCampaign | null> {
  // A completed call's transcript comes in the end-of-call report; announce the end when it has it,
  // or at once for calls that never had a conversation.
  if (row.outcome !== 'completed' || row.transcript) events.push(endedItem(row));
  if (!row.campaign_id || row.direction === 'inbound') return null;
  const campaigns: DialerCampaign[] = await tx.query(`select * from dialer.campaigns where id = $1`, [row.campaign_id]);
  const campaign = campaigns[0] ?? null;
  const after = campaign ? afterCall(row.outcome ?? 'failed', row.attempt, campaign.policy, deps.minGapMinutes, row.ended_at ?? new Date()) : null;
  if (!after || after.kind !== 'retry') {
    await tx.query(`update dialer.queue set state = 'done', outcome = $3, updated_at = now() where campaign_id = $1 and lead_id = $2`, [row.campaign_id, row.lead_id, after?.kind ?? 'ended']);
  } else {
    await tx.query(`update dialer.queue set state = 'waiting', next_attempt_at = $3, updated_at = now() where campaign_id = $1 and lead_id = $2 and state <> 'done'`, [row.campaign_id, row.lead_id, after.at]);
  }
  return campaign;
}
