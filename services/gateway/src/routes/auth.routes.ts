import { AppError, isValidTimeZone, queryRows } from '@soraaya/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publicUser, type AuthService, type Session, type UserRow } from '../auth/auth.service';
import { ROLES, permissionsOf } from '../auth/role-matrix';
import type { ApiRoutes } from '../http/api-route';


export const REFRESH_COOKIE = 'soraaya_refresh';

/** A user as the API shows it (never the password hash). */
export const publicUserSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  fullName: z.string(),
  timeZone: z.string(),
  preferences: z.record(z.string(), z.unknown()),
  lastLoginAt: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export const sessionSchema = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.string(),
  user: publicUserSchema,
});

export function registerAuthRoutes(api: ApiRoutes, deps: { auth: AuthService; ds: DataSource; secureCookies: boolean }): void {
  const setCookie = (reply: FastifyReply, session: Session) =>
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      secure: deps.secureCookies,
      sameSite: 'strict',
      path: '/api/v1/auth',
      expires: new Date(session.refreshTokenExpiresAt),
    });
  const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

  api.add({
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Log in',
    tag: 'auth',
    access: 'public',
    body: z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200), remember: z.boolean().optional() }).strict(),
    response: sessionSchema,
    handler: async ({ body, req, reply }) => {
      try {
        const session = await deps.auth.login(body.email, body.password, client(req));
        setCookie(reply, session);
        return session;
      } catch (err) {
        if (err instanceof AppError && err.code === 'too_many_requests') {
          reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
        }
        throw err;
      }
    },
  });

  api.add({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    summary: 'Exchange a refresh token for a new session',
    tag: 'auth',
    access: 'public',
    body: z.object({ refreshToken: z.string().min(10).max(200).optional() }).strict().optional(),
    response: sessionSchema,
    handler: async ({ body, req, reply }) => {
      const token = body?.refreshToken ?? req.cookies[REFRESH_COOKIE];
      if (!token) throw new AppError('unauthorized', 'No refresh token: send it in the body or the soraaya_refresh cookie');
      const session = await deps.auth.refresh(token, client(req));
      setCookie(reply, session);
      return session;
    },
  });

  api.add({
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'Log out this session',
    tag: 'auth',
    access: 'public',
    body: z.object({ refreshToken: z.string().max(200).optional() }).strict().optional(),
    status: 204,
    handler: async ({ body, req, reply }) => {
      await deps.auth.logout(body?.refreshToken ?? req.cookies[REFRESH_COOKIE]);
      reply.clearCookie(REFRESH_COOKIE, { path: '/api/v1/auth' });
    },
  });

  api.add({
    method: 'GET',
    url: '/api/v1/auth/me',
    summary: 'Who am I',
    tag: 'auth',
    access: 'authenticated',
    response: publicUserSchema,
    handler: async ({ auth }) => {
      const rows: UserRow[] = await deps.ds.query(`select * from gateway.users where id = $1`, [auth.sub]);
      if (!rows[0]) throw new AppError('unauthorized', 'Account no longer exists');
      return publicUser(rows[0]);
    },
  });

  api.add({
    method: 'PATCH',
    url: '/api/v1/auth/me',
    summary: 'Update my preferences',
    tag: 'auth',
    access: 'authenticated',
    body: z
      .object({
        fullName: z.string().trim().min(1).max(120).optional(),
        timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Kolkata').optional(),
        preferences: z.record(z.string(), z.unknown()).refine((p) => JSON.stringify(p).length <= 8000, 'must be under 8 KB').optional(),
      })
      .strict(),
    response: publicUserSchema,
    handler: async ({ auth, body }) => {
      const [row] = await queryRows<UserRow>(
        deps.ds.manager,
        `update gateway.users set full_name = coalesce($2, full_name), time_zone = coalesce($3, time_zone),
                preferences = coalesce($4::jsonb, preferences), updated_at = now() where id = $1 returning *`,
        [auth.sub, body.fullName ?? null, body.timeZone ?? null, body.preferences ? JSON.stringify(body.preferences) : null],
      );
      return publicUser(row!);
    },
  });

  api.add({
    method: 'GET',
    url: '/api/v1/user/permissions',
    summary: 'My permissions',
    tag: 'auth',
    access: 'authenticated',
    response: z.object({ role: z.enum(ROLES), permissions: z.array(z.object({ permission: z.string(), scope: z.enum(['all', 'own_leads']) })) }),
    handler: async ({ auth }) => ({ role: auth.role, permissions: permissionsOf(auth.role) }),
  });
}
