import { queryRows, type Logger } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import type { RedisSlots } from '../slots/redis-slots';
import { observeCall, type LifecycleDeps } from './call-lifecycle';

/**
 * Nothing is left hanging: calls whose provider went silent are ended as failed
 * (and retried by policy), claims abandoned by a dead replica go back to the
 * queue, and slots held by calls that no longer exist are freed. Runs at start
 * (recovery after a crash) and then periodically.
 */
export class Reaper {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly slots: RedisSlots,
    private readonly lifecycle: LifecycleDeps,
    private readonly logger: Logger,
    private readonly opts: { staleSeconds: number; intervalSeconds: number; claimStaleSeconds?: number },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.runOnce().catch((err: unknown) => this.logger.error({ err }, 'reaper pass failed')), this.opts.intervalSeconds * 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<{ staleCalls: number; claims: number; slots: number }> {
    const stale: { id: string; tenant_id: string }[] = await this.ds.query(
      `select id, tenant_id from dialer.calls where state <> 'ended' and last_event_at < now() - make_interval(secs => $1) limit 500`,
      [this.opts.staleSeconds],
    );
    for (const c of stale) {
      await observeCall(this.lifecycle, c.tenant_id, c.id, { state: 'ended', outcome: 'failed', endedReason: `stale: no provider events for ${this.opts.staleSeconds}s` });
    }
    const claims = await queryRows(
      this.ds.manager,
      `update dialer.queue set state = 'waiting', claimed_at = null, updated_at = now()
        where state = 'checking' and claimed_at < now() - make_interval(secs => $1) returning lead_id`,
      [this.opts.claimStaleSeconds ?? 60],
    );
    let freed = 0;
    const campaigns: { id: string; tenant_id: string }[] = await this.ds.query(`select id, tenant_id from dialer.campaigns`);
    for (const c of campaigns) {
      const members = await this.slots.silentSince(c.id, Date.now() - 30_000);
      if (!members.length) continue;
      const open: { id: string }[] = await this.ds.query(`select id from dialer.calls where id = any($1::uuid[]) and state <> 'ended'`, [members]);
      for (const m of members.filter((id) => !open.some((o) => o.id === id))) {
        if (await this.slots.release(m, c.tenant_id, c.id)) freed++;
      }
    }
    if (stale.length || claims.length || freed) this.logger.warn({ staleCalls: stale.length, claims: claims.length, slots: freed }, 'reaper recovered work');
    if (freed || stale.length || claims.length) this.lifecycle.onSlotFreed();
    return { staleCalls: stale.length, claims: claims.length, slots: freed };
  }
}
