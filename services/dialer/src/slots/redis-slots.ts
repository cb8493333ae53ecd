import type { Redis } from 'ioredis';

/**
 * Concurrency slots in Redis, shared by every dialer replica. A slot is a member
 * (the call id) of a per-campaign and a per-tenant sorted set, scored with the
 * time of the call's last sign of life; taking one checks both caps atomically.
 * A reaper frees slots whose calls went silent.
 */
const ACQUIRE = `
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return -1 end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
return 1`;

/** Token bucket: ARGV rate (tokens/s), burst, now (ms). Returns 1 when a token was taken. */
const TAKE_TOKEN = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
local ok = 0
if tokens >= 1 then tokens = tokens - 1; ok = 1 end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
redis.call('PEXPIRE', KEYS[1], 60000)
return ok`;

export type AcquireResult = 'ok' | 'campaign_full' | 'tenant_full';

export class RedisSlots {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private campaignKey(campaignId: string): string {
    return `${this.prefix}dialer:slots:c:${campaignId}`;
  }

  private tenantKey(tenantId: string): string {
    return `${this.prefix}dialer:slots:t:${tenantId}`;
  }

  async acquire(callId: string, tenantId: string, campaignId: string, campaignCap: number, tenantCap: number): Promise<AcquireResult> {
    const r = (await this.redis.eval(ACQUIRE, 2, this.campaignKey(campaignId), this.tenantKey(tenantId), callId, campaignCap, tenantCap, Date.now())) as number;
    return r === 1 ? 'ok' : r === 0 ? 'campaign_full' : 'tenant_full';
  }

  async release(callId: string, tenantId: string, campaignId: string): Promise<boolean> {
    const [[, a]] = (await this.redis.multi().zrem(this.campaignKey(campaignId), callId).zrem(this.tenantKey(tenantId), callId).exec()) as [[unknown, number], [unknown, number]];
    return a === 1;
  }

  /** A provider event arrived: the call is alive. */
  async heartbeat(callId: string, tenantId: string, campaignId: string): Promise<void> {
    const now = Date.now();
    await this.redis.multi().zadd(this.campaignKey(campaignId), 'XX', now, callId).zadd(this.tenantKey(tenantId), 'XX', now, callId).exec();
  }

  async inUse(tenantId: string, campaignId?: string): Promise<number> {
    return this.redis.zcard(campaignId ? this.campaignKey(campaignId) : this.tenantKey(tenantId));
  }

  /** Calls holding a slot of this campaign with no sign of life since `before`. */
  async silentSince(campaignId: string, before: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.campaignKey(campaignId), '-inf', before);
  }

  async takeToken(provider: string, perSecond: number, burst: number): Promise<boolean> {
    return ((await this.redis.eval(TAKE_TOKEN, 1, `${this.prefix}dialer:bucket:${provider}`, perSecond, burst, Date.now())) as number) === 1;
  }
}
