import { AppError, ConflictError, NotFoundError, isValidTimeZone, queryRows, uuid7, withTenant } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publicUser, type AuthService, type UserRow } from '../auth/auth.service';
import { publicUserSchema } from './auth.routes';
import { hashPassword } from '../auth/password';
import { ROLES } from '../auth/role-matrix';
import { idParams, q, type ApiRoutes } from '../http/api-route';

const password = z.string().min(10, 'must be at least 10 characters').max(200);
const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Kolkata');

/** Admin user management within the admin's own tenant. */
export function registerUserRoutes(api: ApiRoutes, deps: { ds: DataSource; auth: AuthService }): void {
  const { ds } = deps;

  api.add({
    method: 'GET',
    url: '/api/v1/users',
    summary: 'List users',
    tag: 'users',
    access: 'users:manage',
    response: z.array(publicUserSchema),
    handler: async ({ auth }) => {
      const rows: UserRow[] = await ds.query(`select * from gateway.users where tenant_id = $1 order by full_name, email`, [auth.tid]);
      return rows.map(publicUser);
    },
  });

  api.add({
    method: 'POST',
    url: '/api/v1/users',
    summary: 'Create a user',
    tag: 'users',
    access: 'users:manage',
    body: z.object({ email: z.email().max(254), fullName: z.string().trim().min(1).max(120), role: z.enum(ROLES), password, timeZone: timeZone.optional() }).strict(),
    response: publicUserSchema,
    status: 201,
    handler: async ({ auth, body }) => {
      try {
        const rows: UserRow[] = await ds.query(
          `insert into gateway.users (id, tenant_id, email, password_hash, role, full_name, time_zone) values ($1, $2, $3, $4, $5, $6, $7) returning *`,
          [uuid7(), auth.tid, body.email.toLowerCase(), await hashPassword(body.password), body.role, body.fullName, body.timeZone ?? 'Asia/Kolkata'],
        );
        return publicUser(rows[0]!);
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw new ConflictError(`A user with email ${body.email.toLowerCase()} already exists`);
        throw err;
      }
    },
  });

  api.add({
    method: 'PATCH',
    url: '/api/v1/users/:id',
    summary: 'Change a user (role, name, password, disabled)',
    tag: 'users',
    access: 'users:manage',
    params: idParams,
    body: z
      .object({ fullName: z.string().trim().min(1).max(120).optional(), role: z.enum(ROLES).optional(), password: password.optional(), disabled: z.boolean().optional(), timeZone: timeZone.optional() })
      .strict()
      .refine((b) => Object.keys(b).length > 0, 'must change at least one field'),
    response: publicUserSchema,
    handler: async ({ auth, params, body }) => {
      if (params.id === auth.sub && (body.role && body.role !== 'admin' || body.disabled)) {
        throw new AppError('conflict', 'You cannot demote or disable yourself; ask another admin');
      }
      return ds.transaction(async (tx) => {
        const [row] = await queryRows<UserRow>(
          tx,
          `update gateway.users set full_name = coalesce($3, full_name), role = coalesce($4, role), time_zone = coalesce($5, time_zone),
                  password_hash = coalesce($6, password_hash),
                  disabled_at = case when $7::boolean is null then disabled_at when $7 then coalesce(disabled_at, now()) else null end,
                  updated_at = now()
            where id = $1 and tenant_id = $2 returning *`,
          [params.id, auth.tid, body.fullName ?? null, body.role ?? null, body.timeZone ?? null, body.password ? await hashPassword(body.password) : null, body.disabled ?? null],
        );
        if (!row) throw new NotFoundError(`User ${params.id} not found`);
        // A new role, password or a disabled account must not live on in old sessions.
        if (body.role || body.password || body.disabled) await deps.auth.revokeAllFor(tx, row.id);
        return publicUser(row);
      });
    },
  });

  api.add({
    method: 'GET',
    url: '/api/v1/audit',
    summary: 'Audit log of writes',
    tag: 'users',
    access: 'audit:read',
    query: z.object({ limit: q.int().pipe(z.number().min(1).max(500)).optional(), before: z.iso.datetime({ offset: true }).optional() }).strict(),
    response: z.object({
      items: z.array(z.object({ id: z.uuid(), userId: z.string().nullable(), userEmail: z.string().nullable(), action: z.string(), target: z.string().nullable(), statusCode: z.number(), ip: z.string().nullable(), requestId: z.string().nullable(), at: z.string() })),
    }),
    handler: async ({ auth, query }) => {
      const rows: { id: string; user_id: string | null; user_email: string | null; action: string; target: string | null; status_code: number; ip: string | null; request_id: string | null; at: Date }[] =
        await withTenant(ds, auth.tid, (tx) =>
          tx.query(
            `select * from gateway.audit_log where tenant_id = $1 and ($2::timestamptz is null or at < $2) order by at desc, id desc limit $3`,
            [auth.tid, query.before ?? null, query.limit ?? 100],
          ),
        );
      return {
        items: rows.map((r) => ({ id: r.id, userId: r.user_id, userEmail: r.user_email, action: r.action, target: r.target, statusCode: r.status_code, ip: r.ip, requestId: r.request_id, at: r.at.toISOString() })),
      };
    },
  });
}
