import type { Redis } from 'ioredis';

/**
 * Counts failed logins per account and per IP in Redis. Past the limit, logins
 * are refused until the window ends, whatever the password: brute force costs
 * the attacker the window, and the answer never says whether the email exists.
 */
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly opts: { perAccount: number; perIp: number; windowSeconds: number },
  ) {}

  private keys(email: string, ip: string): [string, string] {
    return [`${this.prefix}login:acct:${email.toLowerCase()}`, `${this.prefix}login:ip:${ip}`];
  }

  /** Seconds to wait, or 0 when a login may be tried. */
  async retryAfter(email: string, ip: string): Promise<number> {
    const [acct, byIp] = this.keys(email, ip);
    const results = (await this.redis.multi().get(acct).get(byIp).ttl(acct).ttl(byIp).exec()) ?? [];
    const [a, i, ta, ti] = results.map(([err, value]) => (err ? null : value)) as [string | null, string | null, number, number];
    const waits: number[] = [];
    if (Number(a ?? 0) >= this.opts.perAccount) waits.push(Number(ta));
    if (Number(i ?? 0) >= this.opts.perIp) waits.push(Number(ti));
    return waits.length ? Math.max(1, ...waits) : 0;
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const [acct, byIp] = this.keys(email, ip);
    await this.redis.multi().incr(acct).expire(acct, this.opts.windowSeconds, 'NX').incr(byIp).expire(byIp, this.opts.windowSeconds, 'NX').exec();
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.keys(email, '')[0]);
  }
}
