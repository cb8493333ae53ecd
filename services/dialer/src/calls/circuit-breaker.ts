import { campaignActionV1, dialerCircuitOpenedV1 } from '@soraaya/contracts';
import { buildEnvelope, enqueueEvents, withTenant, type Logger, type RpcClient } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import type { DialerCampaign } from './call-row';

type State = 'closed' | 'open' | 'half_open';

/**
 * Watches the provider's answers to placeCall. When the share of errors over the
 * last `window` calls passes the threshold, it opens: the affected campaigns are
 * paused (through the campaign service, so everyone sees why) and an event is
 * raised for a notification. After the cool-down it lets one probe call through:
 * success resumes the campaigns, failure opens it again.
 */
export class CircuitBreaker {
  private results: boolean[] = [];
  private state: State = 'closed';
  private openedAt = 0;
  private probeInFlight = false;
  private readonly paused = new Map<string, DialerCampaign>();

  constructor(
    private readonly provider: string,
    private readonly opts: { window: number; errorRate: number; cooldownMs: number },
    private readonly deps: { ds: DataSource; rpc: RpcClient; logger: Logger },
  ) {}

  get status(): State {
    return this.state;
  }

  /**
   * Moves an open breaker to half-open once the cool-down has passed, resuming
   * the campaigns it paused so the probe has work. Called on every pacer pass:
   * when the breaker paused every campaign, nothing else would ever ask.
   */
  poll(): void {
    if (this.state === 'open' && Date.now() - this.openedAt >= this.opts.cooldownMs) {
      this.state = 'half_open';
      void this.resumePaused();
    }
  }

  /**
   * How many dials the pacer may start now: any number while closed, one probe
   * while half-open (and none while that probe is out), none while open.
   */
  budget(): number {
    this.poll();
    if (this.state === 'closed') return Number.POSITIVE_INFINITY;
    return this.state === 'half_open' && !this.probeInFlight ? 1 : 0;
  }

  /** The pacer launched a dial: in half-open state it is the probe. */
  dialStarted(): void {
    if (this.state === 'half_open') this.probeInFlight = true;
  }

  /**
   * The dial finished. A probe that never reached the provider (compliance
   * skip, no free slot) proved nothing: let the next dial probe instead.
   */
  dialEnded(): void {
    if (this.state === 'half_open') this.probeInFlight = false;
  }

  record(ok: boolean, error?: string, campaign?: DialerCampaign): void {
    if (this.state === 'half_open') {
      this.probeInFlight = false;
      if (ok) {
        this.state = 'closed';
        this.results = [];
        this.deps.logger.info({ provider: this.provider }, 'circuit closed: the probe call went through');
        return;
      }
    }
    this.results.push(ok);
    if (this.results.length > this.opts.window) this.results.shift();
    const errors = this.results.filter((r) => !r).length;
    const tripped =
      this.state === 'half_open' || (this.results.length >= this.opts.window && errors / this.results.length >= this.opts.errorRate);
    if (tripped && campaign) void this.open(campaign, errors / this.results.length, (error ?? 'unknown error').replace(/\s+/g, ' '));
  }

  private async open(campaign: DialerCampaign, rate: number, lastError: string): Promise<void> {
    const wasOpen = this.state === 'open';
    this.state = 'open';
    this.openedAt = Date.now();
    this.probeInFlight = false;
    if (this.paused.has(campaign.id) && wasOpen) return;
    this.paused.set(campaign.id, campaign);
    this.deps.logger.error({ provider: this.provider, campaignId: campaign.id, rate, lastError }, 'circuit opened: pausing the campaign');
    const meta = {
      tenantId: campaign.tenant_id,
      actor: { type: 'system' as const, id: 'dialer-circuit-breaker' },
      correlationId: `breaker-${campaign.id}`,
    };
    await this.deps.rpc
      .request(campaignActionV1, meta, {
        id: campaign.id,
        action: 'pause',
        reason: `${this.provider} errors: ${Math.round(rate * 100)}% of the last calls failed (${lastError.slice(0, 200)})`,
      })
      .catch((err: unknown) => this.deps.logger.error({ err }, 'could not pause the campaign'));
    await withTenant(this.deps.ds, campaign.tenant_id, (tx) =>
      enqueueEvents(tx, 'dialer', [
        {
          subject: dialerCircuitOpenedV1.subject,
          envelope: buildEnvelope(
            dialerCircuitOpenedV1,
            { tenantId: campaign.tenant_id, correlationId: `breaker-${campaign.id}` },
            {
              provider: this.provider,
              campaignId: campaign.id,
              errorRate: rate,
              window: this.results.length,
              lastError: lastError.slice(0, 500),
            },
          ),
        },
      ]),
    );
  }

  private async resumePaused(): Promise<void> {
    for (const c of this.paused.values()) {
      const meta = {
        tenantId: c.tenant_id,
        actor: { type: 'system' as const, id: 'dialer-circuit-breaker' },
        correlationId: `breaker-${c.id}`,
      };
      await this.deps.rpc
        .request(campaignActionV1, meta, { id: c.id, action: 'resume', reason: 'probing the provider after errors' })
        .catch((err: unknown) => this.deps.logger.warn({ err: (err as Error).message }, 'could not resume the campaign'));
    }
    this.paused.clear();
  }
}
