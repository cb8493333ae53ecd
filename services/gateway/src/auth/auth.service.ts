import { AppError, queryRows, uuid7 } from '@soraaya/service-kit';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { JwtSigner } from './jwt';
import type { LoginThrottle } from './login-throttle';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';
import type { Role } from './role-matrix';

export interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  password_hash: string;
  role: Role;
  full_name: string;
  time_zone: string;
  preferences: Record<string, unknown>;
  last_login_at: Date | null;
  disabled_at: Date | null;
  created_at: Date;
}

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: PublicUser;
}

export interface PublicUser {
  id: string;
  tenantId: string;
  email: string;
  role: Role;
  fullName: string;
  timeZone: string;
  preferences: Record<string, unknown>;
  lastLoginAt: string | null;
  disabled: boolean;
  createdAt: string;
}

export function publicUser(u: UserRow): PublicUser {
  return {
    id: u.id,
    tenantId: u.tenant_id,
    email: u.email,
    role: u.role,
    fullName: u.full_name,
    timeZone: u.time_zone,
    preferences: u.preferences,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    disabled: u.disabled_at !== null,
    createdAt: u.created_at.toISOString(),
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const INVALID_LOGIN = 'Email or password is incorrect';

/**
 * Logins, refresh-token rotation and logout. A refresh token is `<id>.<secret>`;
 * only the secret's hash is stored. Each use marks it spent and issues the next
 * in its family; presenting a spent token again means it was stolen (or
 * replayed), so the whole family is revoked and every holder must log in again.
 */
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly jwt: JwtSigner,
    private readonly throttle: LoginThrottle,
    private readonly refreshTtlDays: number,
  ) {}

  async login(emailRaw: string, password: string, client: { ip: string; userAgent?: string }): Promise<Session> {
    const email = emailRaw.trim().toLowerCase();
    const wait = await this.throttle.retryAfter(email, client.ip);
    if (wait > 0) throw new AppError('too_many_requests', `Too many failed logins; try again in ${wait} seconds`, { retryAfterSeconds: wait });
    const rows: UserRow[] = await this.ds.query(`select * from gateway.users where email = $1`, [email]);
    const user = rows[0];
    // Verify against a dummy hash for unknown emails: the same work, so timing tells nothing.
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!user || !ok || user.disabled_at) {
      await this.throttle.recordFailure(email, client.ip);
      throw new AppError('unauthorized', INVALID_LOGIN);
    }
    await this.throttle.recordSuccess(email);
    const [updated] = await queryRows<UserRow>(this.ds.manager, `update gateway.users set last_login_at = now() where id = $1 returning *`, [user.id]);
    return this.ds.transaction((tx) => this.issue(tx, updated!, uuid7(), client));
  }

  async refresh(presented: string, client: { ip: string; userAgent?: string }): Promise<Session> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('unauthorized', 'Refresh token is not valid; log in again');
    const outcome = await this.ds.transaction(async (tx): Promise<Session | { reusedFamily: string }> => {
      const rows: { family_id: string; user_id: string; token_hash: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null }[] = await tx.query(
        `select family_id, user_id, token_hash, expires_at, used_at, revoked_at from gateway.refresh_tokens where id = $1 for update`,
        [id],
      );
      const token = rows[0];
      const hashOk = token && timingSafeEqual(Buffer.from(token.token_hash), Buffer.from(sha256(secret)));
      if (!token || !hashOk) throw new AppError('unauthorized', 'Refresh token is not valid; log in again');
      if (token.used_at || token.revoked_at) {
        // Revoking must commit, so it happens in this transaction and the refusal after it.
        await tx.query(`update gateway.refresh_tokens set revoked_at = coalesce(revoked_at, now()) where family_id = $1`, [token.family_id]);
        return { reusedFamily: token.family_id };
      }
      if (token.expires_at.getTime() <= Date.now()) throw new AppError('unauthorized', 'Session expired; log in again');
      await tx.query(`update gateway.refresh_tokens set used_at = now() where id = $1`, [id]);
      const users: UserRow[] = await tx.query(`select * from gateway.users where id = $1`, [token.user_id]);
      const user = users[0];
      if (!user || user.disabled_at) throw new AppError('unauthorized', 'Account is disabled');
      return this.issue(tx, user, token.family_id, client);
    });
    if ('reusedFamily' in outcome) {
      throw new AppError('unauthorized', 'Refresh token was already used; every session of this login was signed out for safety');
    }
    return outcome;
  }

  /** Revokes the presented token's whole family (this browser's session). Unknown tokens are ignored. */
  async logout(presented: string | undefined): Promise<void> {
    const id = presented?.split('.')[0];
    if (!id || !/^[0-9a-f-]{36}$/.test(id)) return;
    await this.ds.query(
      `update gateway.refresh_tokens set revoked_at = coalesce(revoked_at, now())
        where family_id = (select family_id from gateway.refresh_tokens where id = $1)`,
      [id],
    );
  }

  /** Signs a user out everywhere (used when an admin disables an account or changes a role). */
  async revokeAllFor(tx: EntityManager, userId: string): Promise<void> {
    await tx.query(`update gateway.refresh_tokens set revoked_at = coalesce(revoked_at, now()) where user_id = $1`, [userId]);
  }

  private async issue(tx: EntityManager, user: UserRow, familyId: string, client: { ip: string; userAgent?: string }): Promise<Session> {
    const id = uuid7();
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.refreshTtlDays * 86_400_000);
    await tx.query(
      `insert into gateway.refresh_tokens (id, family_id, user_id, tenant_id, token_hash, expires_at, user_agent, ip) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, familyId, user.id, user.tenant_id, sha256(secret), expiresAt, client.userAgent?.slice(0, 300) ?? null, client.ip],
    );
    const access = this.jwt.sign({ sub: user.id, tid: user.tenant_id, role: user.role, name: user.full_name, email: user.email });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken: `${id}.${secret}`,
      refreshTokenExpiresAt: expiresAt.toISOString(),
      user: publicUser(user),
    };
  }
}
