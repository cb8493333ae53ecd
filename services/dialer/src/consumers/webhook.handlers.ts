import { webhookDeliveryV1, type WebhookDelivery } from '@soraaya/contracts';
import { PoisonMessageError, uuid7, withTenant, type ConsumedMessage, type ConsumerSpec } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import { observeCall, type LifecycleDeps } from '../calls/call-lifecycle';
import { observeTwilio, outcomeFromVapiReason, stateFromVapiStatus, type ProviderObservation } from '../domain/call-state.machine';
import { turnsFromVapiMessages } from '../domain/vapi-turns';

function parseDelivery(msg: ConsumedMessage): WebhookDelivery {
  try {
    return webhookDeliveryV1.parse(JSON.parse(new TextDecoder().decode(msg.data)));
  } catch (err) {
    throw new PoisonMessageError(`not a webhook delivery: ${(err as Error).message.slice(0, 200)}`);
  }
}

/** What a VAPI server message says about its call. Unknown types say nothing (stored, acknowledged). */
export function observeVapi(message: Record<string, unknown>, answered: boolean): ProviderObservation {
  const type = String(message.type);
  const endedReason = typeof message.endedReason === 'string' ? message.endedReason : undefined;
  if (type === 'status-update') {
    const state = stateFromVapiStatus(String(message.status ?? ''));
    if (state === 'ended') return { state, ...(endedReason ? { endedReason, outcome: outcomeFromVapiReason(endedReason, answered) } : {}) };
    return state ? { state } : {};
  }
  if (type === 'end-of-call-report') {
    const artifact = (message.artifact ?? {}) as { transcript?: unknown; messages?: unknown; recordingUrl?: unknown; recording?: { url?: unknown } };
    const turns = turnsFromVapiMessages(artifact.messages);
    const analysis = (message.analysis ?? {}) as { summary?: unknown };
    const reason = endedReason ?? 'unknown';
    const duration = Number(message.durationSeconds ?? (message.call as { duration?: unknown } | undefined)?.duration);
    const recording = message.recordingUrl ?? artifact.recordingUrl ?? artifact.recording?.url;
    return {
      state: 'ended',
      outcome: outcomeFromVapiReason(reason, answered || (Number.isFinite(duration) && duration > 0 && !/no-answer|busy|voicemail/.test(reason))),
      endedReason: reason,
      ...(Number.isFinite(duration) ? { durationSeconds: duration } : {}),
      ...(typeof message.cost === 'number' ? { costUsd: message.cost } : {}),
      ...(typeof recording === 'string' ? { recordingUrl: recording } : {}),
      ...(typeof artifact.transcript === 'string' && artifact.transcript ? { transcript: artifact.transcript } : {}),
      ...(turns ? { turns } : {}),
      ...(typeof analysis.summary === 'string' ? { summary: analysis.summary } : typeof message.summary === 'string' ? { summary: message.summary } : {}),
    };
  }
  if (type === 'hang') return { state: 'ended', outcome: 'failed', endedReason: 'hang' };
  return {};
}

const ANSWERED_IN_REPLY = new Set(['assistant-request', 'tool-calls']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A lead ringing one of our lines: the assistant the campaign service gave VAPI
 * carries `direction: inbound` with the tenant, lead, campaign and persona in
 * its metadata, and every later message of the call repeats it. The first such
 * message (other than the questions answered in the reply) opens the call's
 * record, once, whichever delivery gets here first. A caller who is not a lead
 * has no lead id: nothing to record it against.
 */
async function startInboundCall(ds: DataSource, d: WebhookDelivery): Promise<{ id: string; tenant_id: string; answered: boolean } | undefined> {
  if (ANSWERED_IN_REPLY.has(d.type) || !d.providerCallId) return undefined;
  const message = (d.body as { message?: { assistant?: { metadata?: Record<string, unknown> }; call?: { assistant?: { metadata?: Record<string, unknown> } } } }).message;
  const md = message?.assistant?.metadata ?? message?.call?.assistant?.metadata ?? {};
  const id = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : null);
  const tenantId = id(md.tenantId);
  const leadId = id(md.leadId);
  if (md.direction !== 'inbound' || !tenantId || !leadId || (d.tenantId && d.tenantId !== tenantId)) return undefined;
  const rows: { id: string; tenant_id: string; answered: boolean }[] = await withTenant(ds, tenantId, async (tx) => {
    await tx.query(
      `insert into dialer.calls (id, tenant_id, campaign_id, lead_id, attempt, direction, persona_id, provider, provider_call_id, state, started_at)
       values ($1, $2, $3, $4, 0, 'inbound', $5, 'vapi', $6, 'in_progress', now())
       on conflict (provider, provider_call_id) where provider_call_id is not null do nothing`,
      [uuid7(), tenantId, id(md.campaignId), leadId, id(md.personaId), d.providerCallId],
    );
    return tx.query(`select id, tenant_id, answered from dialer.calls where provider = 'vapi' and provider_call_id = $1`, [d.providerCallId]);
  });
  return rows[0];
}

/**
 * Provider webhooks (stored by the gateway on WEBHOOKS) applied to calls. Each
 * delivery is recorded once in provider_events; a delivery for a call we have
 * not saved yet (the provider answered faster than our write) is retried.
 */
export function webhookConsumers(ds: DataSource, lifecycle: LifecycleDeps): ConsumerSpec[] {
  const handle = async (msg: ConsumedMessage) => {
    const d = parseDelivery(msg);
    const found: { id: string; tenant_id: string; answered: boolean }[] = d.callId
      ? await ds.query(`select id, tenant_id, answered from dialer.calls where id = $1`, [/^[0-9a-f-]{36}$/.test(d.callId) ? d.callId : '00000000-0000-0000-0000-000000000000'])
      : await ds.query(`select id, tenant_id, answered from dialer.calls where provider = $1 and provider_call_id = $2`, [d.provider === 'twilio' ? 'twilio' : 'vapi', d.providerCallId]);
    const call = found[0] ?? (d.provider === 'vapi' ? await startInboundCall(ds, d) : undefined);
    const fresh: unknown[] = await ds.query(
      `insert into dialer.provider_events (id, call_id, provider, type, received_at, payload) values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing returning id`,
      [d.id, call?.id ?? null, d.provider, d.type, d.receivedAt, JSON.stringify(d.body)],
    );
    if (!call) {
      // Kept in provider_events for audit. Questions VAPI had answered in the webhook reply (an inbound
      // call's assistant-request, tool calls) change no call of ours: waiting for one would only redeliver.
      if (msg.lastAttempt || ANSWERED_IN_REPLY.has(d.type)) return;
      await ds.query(`delete from dialer.provider_events where id = $1 and call_id is null`, [d.id]);
      throw new Error(`no call yet for ${d.provider} ${d.providerCallId ?? d.callId}`);
    }
    if (!fresh.length) return; // this exact delivery was applied before
    const observation =
      d.provider === 'vapi'
        ? observeVapi((d.body as { message: Record<string, unknown> }).message, call.answered)
        : (() => {
            const p = d.body as Record<string, string>;
            return observeTwilio(p.CallStatus ?? '', p.AnsweredBy, p.CallDuration ? Number(p.CallDuration) : undefined);
          })();
    if (Object.keys(observation).length) await observeCall(lifecycle, call.tenant_id, call.id, observation);
  };
  return [
    { stream: 'WEBHOOKS', durable: 'dialer-vapi-webhooks', filterSubject: 'webhooks.vapi', concurrency: 16, maxDeliveries: 8, backoffBaseMs: 200, handler: handle },
    { stream: 'WEBHOOKS', durable: 'dialer-twilio-webhooks', filterSubject: 'webhooks.twilio', concurrency: 16, maxDeliveries: 8, backoffBaseMs: 200, handler: handle },
  ];
}
