import { createHmac, timingSafeEqual } from 'node:crypto';

export type VapiAuthConfig =
  | { mode: 'secret'; secret: string; header: string }
  | { mode: 'hmac'; secret: string; maxSkewSeconds: number };

export type VerifyResult = { ok: true } | { ok: false; reason: string };

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks a VAPI webhook the way its credentials allow: a shared secret in a
 * header (`Authorization: Bearer …`, or the older `X-Vapi-Secret`), or an
 * HMAC-SHA256 hex signature over `{timestamp}.{raw body}` in `x-signature`
 * with `x-timestamp`, refused outside the freshness window (replays).
 */
export function verifyVapi(config: VapiAuthConfig, headers: Record<string, string | string[] | undefined>, rawBody: Buffer, now = Date.now()): VerifyResult {
  const header = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  if (config.mode === 'secret') {
    const given = header(config.header);
    if (!given) return { ok: false, reason: `missing ${config.header} header` };
    const value = config.header === 'authorization' ? given.replace(/^Bearer\s+/i, '') : given;
    return safeEqual(value, config.secret) ? { ok: true } : { ok: false, reason: 'secret does not match' };
  }
  const signature = header('x-signature');
  const timestamp = header('x-timestamp');
  if (!signature || !timestamp) return { ok: false, reason: 'missing x-signature or x-timestamp header' };
  const ts = Number(timestamp);
  if (!Number.isFinite(ts)) return { ok: false, reason: 'x-timestamp is not a number' };
  const ms = ts > 1e12 ? ts : ts * 1000; // seconds or milliseconds
  if (Math.abs(now - ms) > config.maxSkewSeconds * 1000) return { ok: false, reason: 'timestamp outside the freshness window' };
  const expected = createHmac('sha256', config.secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return safeEqual(signature.replace(/^sha256=/, '').toLowerCase(), expected) ? { ok: true } : { ok: false, reason: 'signature does not match' };
}
