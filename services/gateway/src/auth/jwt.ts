import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Claims of an access token. Short-lived; the refresh token is what lasts. */
export const accessClaimsSchema = z.object({
  sub: z.uuid(),
  tid: z.uuid(),
  role: z.enum(['admin', 'manager', 'agent']),
  name: z.string(),
  email: z.string(),
  iat: z.number().int(),
  exp: z.number().int(),
  iss: z.literal('soraaya'),
  aud: z.literal('soraaya-api'),
});
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const HEADER = b64({ alg: 'HS256', typ: 'JWT' });

/** HS256 JWTs with Node's HMAC: the few lines a library would wrap, with nothing else to trust. */
export class JwtSigner {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

  sign(claims: Omit<AccessClaims, 'iat' | 'exp' | 'iss' | 'aud'>, now = Date.now()): { token: string; expiresAt: Date } {
    const iat = Math.floor(now / 1000);
    const payload: AccessClaims = { ...claims, iat, exp: iat + this.ttlSeconds, iss: 'soraaya', aud: 'soraaya-api' };
    const body = `${HEADER}.${b64(payload)}`;
    return { token: `${body}.${this.mac(body)}`, expiresAt: new Date(payload.exp * 1000) };
  }

  /** The claims, or null for anything malformed, forged, from another issuer or expired. */
  verify(token: string, now = Date.now()): AccessClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return null;
    const expected = Buffer.from(this.mac(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const claims = accessClaimsSchema.safeParse(payload);
    if (!claims.success || claims.data.exp * 1000 <= now) return null;
    return claims.data;
  }

  private mac(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}
