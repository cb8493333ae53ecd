import type { Logger } from '@soraaya/service-kit';
import type { Redis } from 'ioredis';

/** A service that did not answer is soon asked again: a partial answer is kept this long at most. */
const PARTIAL_TTL_SECONDS = 2;
/** Events bump a tenant's generation at most this often (and once more after a burst). */
const TOUCH_EVERY_MS = 1000;

/**
 * Dashboard answers cached in Redis for a few seconds per tenant and query, so
 * a room of consoles refreshing together costs the services one computation.
 * Keys carry the tenant's generation, which the gateway's live feed bumps when
 * the tenant's events arrive: a console refreshing because of an event gets
 * figures that include it, not the ones cached just before. Redis trouble only
 * costs the cache: the figures are computed instead.
 */
export class DashboardCache {
  private readonly pending = new Map<string, { dirty: boolean; timer: NodeJS.Timeout }>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
    private readonly logger: Logger,
  ) {}

  private generationKey(tenantId: string): string {
    return `${this.prefix}dash:gen:${tenantId}`;
  }

  /** The cached answer for this tenant, viewer scope and query, or a fresh one (then cached). */
  async get<T extends { partial: readonly string[] }>(tenantId: string, key: string, compute: () => Promise<T>): Promise<T> {
    let cacheKey: string | null = null;
    try {
      const generation = (await this.redis.get(this.generationKey(tenantId))) ?? '0';
      cacheKey = `${this.prefix}dash:${tenantId}:${generation}:${key}`;
      const hit = await this.redis.get(cacheKey);
      if (hit) return JSON.parse(hit) as T;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'dashboard cache unavailable; computing');
    }
    const value = await compute();
    if (cacheKey && this.ttlSeconds > 0) {
      const ttl = value.partial.length ? Math.min(PARTIAL_TTL_SECONDS, this.ttlSeconds) : this.ttlSeconds;
      this.redis.set(cacheKey, JSON.stringify(value), 'EX', ttl).catch((err: Error) => this.logger.warn({ err: err.message }, 'dashboard cache write failed'));
    }
    return value;
  }

  /** Something happened in this tenant: cached figures are stale. Throttled, with a trailing bump after a burst. */
  touch(tenantId: string): void {
    const entry = this.pending.get(tenantId);
    if (entry) {
      entry.dirty = true;
      return;
    }
    const key = this.generationKey(tenantId);
    this.redis
      .multi()
      .incr(key)
      .expire(key, 86_400)
      .exec()
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'dashboard cache generation bump failed'));
    const next = { dirty: false, timer: setTimeout(() => this.afterTouch(tenantId), TOUCH_EVERY_MS) };
    next.timer.unref();
    this.pending.set(tenantId, next);
  }

  private afterTouch(tenantId: string): void {
    const entry = this.pending.get(tenantId);
    this.pending.delete(tenantId);
    if (entry?.dirty) this.touch(tenantId);
  }

  stop(): void {
    for (const e of this.pending.values()) clearTimeout(e.timer);
    this.pending.clear();
  }
}
