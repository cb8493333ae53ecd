import { dialSkippedV1, getLeadV1, type Lead } from '@soraaya/contracts';
import { AppError, SpanKind, buildEnvelope, enqueueEvents, inSpan, queryRows, untraced, uuid7, withTenant, type Logger, type RpcClient } from '@soraaya/service-kit';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { isCallable, nextCallableAt, windowZone, type LegalWindow } from '../domain/calling-window';
import { pickPersona } from '../domain/retry-policy';
import type { DialerMetrics } from '../metrics/dialer.metrics';
import type { TelephonyProvider } from '../providers/provider';
import type { RedisSlots } from '../slots/redis-slots';
import type { CircuitBreaker } from './circuit-breaker';
import { observeCall, startedItem, statusChangedItem, type LifecycleDeps } from './call-lifecycle';
import type { CallRow, DialerCampaign } from './call-row';

/** Leads claimed per campaign per round: bounded so one campaign cannot starve another of a tenant. */
const BATCH = 50;

/** Lead statuses the dialer may call. Any other (a person took over, the lead decided) ends the lead's queue entry. */
const DIALABLE = new Set(['to_call', 'follow_up', 'callback_requested', 'unresponsive', 'call_failed']);

export interface PacerOptions {
  tenantCap: number;
  cps: number;
  legal: LegalWindow;
  tickMs: number;
  companyName: string;
  /** Test hook: sees the in-use count of a campaign right after each slot is taken. */
  onSlotTaken?: (campaignId: string, inUse: number, cap: number) => void;
  metrics?: DialerMetrics;
}

interface QueueRow {
  tenant_id: string;
  campaign_id: string;
  lead_id: string;
  attempts: number;
  /** A callback the lead asked for; it earns one dial beyond the campaign's max attempts. */
  callback_at: Date | null;
}

/**
 * Turns active campaigns into calls as fast as the caps allow and never faster.
 * Each pass goes round the campaigns of each tenant one dial at a time (fair
 * share of the tenant's cap), claims a due queue row with SKIP LOCKED (safe with
 * several replicas), checks compliance, takes a slot in Redis (campaign and
 * tenant caps, atomically), records the attempt, then dials.
 */
export class Pacer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Claims in flight per campaign (checked but not yet holding a slot). */
  private readonly pending = new Map<string, number>();
  private readonly inFlightDials = new Set<Promise<void>>();

  constructor(
    private readonly ds: DataSource,
    private readonly rpc: RpcClient,
    private readonly slots: RedisSlots,
    private readonly provider: TelephonyProvider,
    private readonly breaker: CircuitBreaker,
    private readonly lifecycle: LifecycleDeps,
    private readonly logger: Logger,
    private readonly opts: PacerOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.wake(), this.opts.tickMs);
    this.wake();
  }

  /** Runs a pass now (or right after the current one). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // A pass is woken from inside handlers (a slot freed by a webhook); its dials start traces of their own.
    this.running = untraced(() => this.pass(), 'dialer')
      .catch((err: unknown) => this.logger.error({ err }, 'pacer pass failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await Promise.allSettled([...this.inFlightDials]);
  }

  private async pass(): Promise<void> {
    this.breaker.poll();
    const campaigns: DialerCampaign[] = await this.ds.query(
      `select * from dialer.campaigns where status = 'active' order by tenant_id, id`,
    );
    const byTenant = new Map<string, DialerCampaign[]>();
    for (const c of campaigns) byTenant.set(c.tenant_id, [...(byTenant.get(c.tenant_id) ?? []), c]);
    for (const [tenantId, list] of byTenant) {
      const exhausted = new Set<string>();
      let progress = true;
      while (progress && !this.stopped) {
        progress = false;
        // Fair share: each round gives every campaign of the tenant at most an equal part of the free slots.
        const tenantPending = list.reduce((n, c) => n + (this.pending.get(c.id) ?? 0), 0);
        const tenantFree = this.opts.tenantCap - (await this.slots.inUse(tenantId)) - tenantPending;
        const open = list.filter((c) => !exhausted.has(c.id));
        if (tenantFree <= 0 || !open.length) break;
        const share = Math.max(1, Math.floor(tenantFree / open.length));
        for (const c of open) {
          const allowed = this.breaker.budget();
          if (allowed <= 0) return;
          const free = c.policy.maxConcurrentCalls - (await this.slots.inUse(tenantId, c.id)) - (this.pending.get(c.id) ?? 0);
          const want = Math.min(free, share, BATCH, allowed);
          if (want <= 0) {
            exhausted.add(c.id);
            continue;
          }
          const rows = await this.claim(c, want);
          if (rows.length < want) exhausted.add(c.id);
          if (rows.length) progress = true;
          for (const row of rows) this.launch(c, row);
        }
      }
    }
  }

  /** Starts a dial in the background; until it holds a slot (or gives up) it counts as pending for its campaign. */
  private launch(c: DialerCampaign, row: QueueRow): void {
    this.pending.set(c.id, (this.pending.get(c.id) ?? 0) + 1);
    let counted = true;
    const done = () => {
      if (counted) this.pending.set(c.id, (this.pending.get(c.id) ?? 1) - 1);
      counted = false;
    };
    this.breaker.dialStarted();
    // Each dial is a trace of its own: the lead read, the checks, the call's first events.
    const dial = inSpan('dial', { kind: SpanKind.INTERNAL, attributes: { 'soraaya.campaign_id': c.id, 'soraaya.lead_id': row.lead_id } }, () => this.dial(c, row, done))
      .catch((err: unknown) => this.logger.error({ err, leadId: row.lead_id }, 'dial failed'))
      .finally(() => {
        done();
        this.breaker.dialEnded();
        this.inFlightDials.delete(dial);
      });
    this.inFlightDials.add(dial);
  }

  /** Due leads of the campaign, moved to `checking` so no other replica takes them. */
  private async claim(c: DialerCampaign, limit: number): Promise<QueueRow[]> {
    return withTenant(this.ds, c.tenant_id, (tx) =>
      queryRows<QueueRow>(
        tx,
        `update dialer.queue set state = 'checking', claimed_at = now(), updated_at = now()
          where (campaign_id, lead_id) in (
            select campaign_id, lead_id from dialer.queue
             where campaign_id = $1 and state = 'waiting' and next_attempt_at <= now()
             order by next_attempt_at, lead_id limit $2 for update skip locked)
        returning tenant_id, campaign_id, lead_id, attempts, callback_at`,
        [c.id, limit],
      ),
    );
  }

  private async dial(c: DialerCampaign, row: QueueRow, slotSettled: () => void): Promise<void> {
    const correlationId = `dial-${row.campaign_id}-${row.lead_id}`;
    const meta = { tenantId: c.tenant_id, actor: { type: 'service' as const, id: 'dialer' }, correlationId };
    let lead: Lead;
    try {
      lead = (await this.rpc.request(getLeadV1, meta, { id: row.lead_id, withHistory: false })).lead;
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return this.skip(c, row, 'lead_missing', 'the lead no longer exists', null);
      await this.putBack(c, row);
      throw err;
    }
    // Compliance, before every dial.
    const dnc: unknown[] = await withTenant(this.ds, c.tenant_id, (tx) =>
      tx.query(`select 1 from dialer.dnc where tenant_id = $1 and phone_e164 = $2`, [c.tenant_id, lead.phoneE164]),
    );
    if (dnc.length) return this.skip(c, row, 'dnc', `${lead.phoneE164} is on the do-not-call list`, null);
    if (!DIALABLE.has(lead.status)) return this.skip(c, row, 'lead_status', `lead is ${lead.status}`, null);
    const attemptsAllowed = c.policy.maxAttempts + (row.callback_at ? 1 : 0);
    if (row.attempts >= attemptsAllowed) return this.skip(c, row, 'max_attempts', `${row.attempts} of ${attemptsAllowed} attempts made`, null);
    const zone = windowZone(c.policy, lead.timeZone);
    const now = new Date();
    if (!isCallable(now, zone, c.policy, this.opts.legal)) {
      const next = nextCallableAt(now, zone, c.policy, this.opts.legal);
      return this.skip(c, row, 'outside_window', `outside the calling window in ${zone}`, next);
    }

    const callId = uuid7();
    const taken = await this.slots.acquire(callId, c.tenant_id, c.id, c.policy.maxConcurrentCalls, this.opts.tenantCap);
    slotSettled(); // from here the slot itself counts, not the pending claim
    if (taken !== 'ok') return this.putBack(c, row);
    this.opts.onSlotTaken?.(c.id, await this.slots.inUse(c.tenant_id, c.id), c.policy.maxConcurrentCalls);

    const personaId = pickPersona(lead.id, c.variants);
    const attempt = row.attempts + 1;
    let call: CallRow;
    try {
      call = await withTenant(this.ds, c.tenant_id, async (tx) => {
        const [inserted] = (await tx.query(
          `insert into dialer.calls (id, tenant_id, campaign_id, lead_id, attempt, persona_id, provider, state)
           values ($1, $2, $3, $4, $5, $6, $7, 'dialing') returning *`,
          [callId, c.tenant_id, c.id, lead.id, attempt, personaId, this.provider.name],
        )) as CallRow[];
        await tx.query(
          `update dialer.queue set state = 'dialing', attempts = $3, callback_at = null, updated_at = now() where campaign_id = $1 and lead_id = $2`,
          [c.id, lead.id, attempt],
        );
        await enqueueEvents(tx, 'dialer', [statusChangedItem(inserted!)]);
        return inserted!;
      });
    } catch (err) {
      await this.slots.release(callId, c.tenant_id, c.id);
      await this.putBack(c, row);
      throw err;
    }

    await this.lifecycle.leads.move(c.tenant_id, lead.id, ['calling'], `call-${callId}`);
    while (!(await this.slots.takeToken(this.provider.name, this.opts.cps, Math.max(1, Math.ceil(this.opts.cps)))))
      await sleep(Math.max(5, 1000 / this.opts.cps / 2));
    try {
      const persona = c.personas.find((p) => p.id === personaId) ?? null;
      const { providerCallId } = await this.provider.placeCall({
        callId,
        tenantId: c.tenant_id,
        campaignId: c.id,
        campaignName: c.name,
        leadId: lead.id,
        attempt,
        to: lead.phoneE164,
        lead,
        persona,
        properties: c.properties,
        companyName: this.opts.companyName,
      });
      this.breaker.record(true);
      await withTenant(this.ds, c.tenant_id, async (tx) => {
        const [started] = await queryRows<CallRow>(
          tx,
          `update dialer.calls set provider_call_id = $2, started_at = now(), last_event_at = now() where id = $1 returning *`,
          [callId, providerCallId],
        );
        await enqueueEvents(tx, 'dialer', [startedItem(started ?? { ...call, provider_call_id: providerCallId, started_at: new Date() })]);
      });
    } catch (err) {
      this.breaker.record(false, (err as Error).message, c);
      this.logger.warn({ err: (err as Error).message, callId }, 'provider refused the call');
      await observeCall(this.lifecycle, c.tenant_id, callId, {
        state: 'ended',
        outcome: 'failed',
        endedReason: `provider-error: ${(err as Error).message}`.slice(0, 300),
      });
    }
  }

  private async putBack(c: DialerCampaign, row: QueueRow): Promise<void> {
    await withTenant(this.ds, c.tenant_id, (tx) =>
      tx.query(
        `update dialer.queue set state = 'waiting', claimed_at = null, updated_at = now() where campaign_id = $1 and lead_id = $2 and state = 'checking'`,
        [row.campaign_id, row.lead_id],
      ),
    );
  }

  /** Records why a dial did not happen: rescheduled when a later time can work, otherwise the lead is done. */
  private async skip(
    c: DialerCampaign,
    row: QueueRow,
    reason: 'dnc' | 'lead_status' | 'max_attempts' | 'outside_window' | 'lead_missing',
    detail: string,
    rescheduleTo: Date | null,
  ): Promise<void> {
    this.opts.metrics?.skips.inc({ reason });
    await withTenant(this.ds, c.tenant_id, async (tx) => {
      if (rescheduleTo) {
        await tx.query(
          `update dialer.queue set state = 'waiting', next_attempt_at = $3, claimed_at = null, updated_at = now() where campaign_id = $1 and lead_id = $2`,
          [row.campaign_id, row.lead_id, rescheduleTo],
        );
      } else {
        await tx.query(`update dialer.queue set state = 'done', outcome = $3, updated_at = now() where campaign_id = $1 and lead_id = $2`, [
          row.campaign_id,
          row.lead_id,
          `skipped:${reason}`,
        ]);
      }
      await tx.query(
        `insert into dialer.skips (tenant_id, campaign_id, lead_id, reason, detail, rescheduled_to) values ($1, $2, $3, $4, $5, $6)`,
        [c.tenant_id, row.campaign_id, row.lead_id, reason, detail, rescheduleTo],
      );
      await enqueueEvents(tx, 'dialer', [
        {
          subject: dialSkippedV1.subject,
          envelope: buildEnvelope(
            dialSkippedV1,
            { tenantId: c.tenant_id, correlationId: `skip-${row.lead_id}` },
            { campaignId: row.campaign_id, leadId: row.lead_id, reason, detail, rescheduledTo: rescheduleTo?.toISOString() ?? null },
          ),
        },
      ]);
    });
    if (reason === 'max_attempts') await this.lifecycle.leads.move(c.tenant_id, row.lead_id, ['unresponsive'], `skip-${row.lead_id}`);
  }
}
