import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  assignNotificationV1,
  bulkResolveNotificationsV1,
  deleteNotificationV1,
  getNotificationPreferencesV1,
  listNotificationsV1,
  notificationPreferencesSchema,
  notificationUpdatedV1,
  putNotificationPreferencesV1,
  unreadNotificationsV1,
  updateNotificationV1,
  type Notification,
  type NotificationStatus,
} from '@soraaya/contracts';
import { AppError, BadRequestError, ConflictError, NotFoundError, endpoint, enqueueEvent, queryRows, withTenant, type EndpointRegistration } from '@soraaya/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { rowToNotification, type NotificationRow } from '../notifications/notification-row';

type Viewer = { userId: string; role: 'admin' | 'manager' | 'agent' };

/** Agents work only what is assigned to them; managers and admins the whole tenant. */
const visibleTo = (v: Viewer, firstParam: number) => (v.role === 'agent' ? { sql: ` and assigned_user_id = $${firstParam}`, params: [v.userId] } : { sql: '', params: [] as string[] });

async function mustFind(tx: EntityManager, tenantId: string, id: string, v: Viewer): Promise<NotificationRow> {
  const scope = visibleTo(v, 3);
  const [row] = await tx.query(`select * from notification.notifications where tenant_id = $1 and id = $2${scope.sql} for update`, [tenantId, id, ...scope.params]);
  if (!row) throw new NotFoundError(`Notification ${id} not found`);
  return row;
}

/** Allowed status moves: work starts, ends (resolved or dismissed), or a closed one is reopened. */
const MOVES: Record<NotificationStatus, NotificationStatus[]> = {
  pending: ['in_progress', 'resolved', 'dismissed'],
  in_progress: ['pending', 'resolved', 'dismissed'],
  resolved: ['pending'],
  dismissed: ['pending'],
};

async function changed(tx: EntityManager, tenantId: string, row: NotificationRow): Promise<Notification> {
  const n = rowToNotification(row);
  await enqueueEvent(tx, 'notification', notificationUpdatedV1, { tenantId, correlationId: `notification-${n.id}` }, { notification: n });
  return n;
}

async function setStatus(tx: EntityManager, tenantId: string, current: NotificationRow, v: Viewer, status: NotificationStatus | undefined, note: string | undefined): Promise<Notification> {
  if (status && status !== current.status && !MOVES[current.status].includes(status))
    throw new ConflictError(`Cannot move a ${current.status} notification to ${status}; allowed: ${MOVES[current.status].join(', ')}`, { status: current.status });
  const closing = status === 'resolved' || status === 'dismissed';
  try {
    const [row] = await queryRows<NotificationRow>(
      tx,
      `update notification.notifications
          set status = coalesce($3, status), resolution_note = coalesce($4, resolution_note),
              resolved_at = case when $5 then now() when $3 = 'pending' then null else resolved_at end,
              resolved_by = case when $5 then $6 when $3 = 'pending' then null else resolved_by end,
              assigned_user_id = case when $3 = 'in_progress' and assigned_user_id is null then $6::uuid else assigned_user_id end,
              updated_at = now()
        where tenant_id = $1 and id = $2 returning *`,
      [tenantId, current.id, status ?? null, note ?? null, closing, v.userId],
    );
    return changed(tx, tenantId, row!);
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new ConflictError('The same situation has been raised again meanwhile; work on the open notification instead');
    throw err;
  }
}

function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) throw new BadRequestError('cursor is not one this API returned');
  return [at, id];
}

/** Every request/reply endpoint of the notification service. */
export function notificationEndpoints(ds: DataSource): EndpointRegistration[] {
  return [
    endpoint(listNotificationsV1, (d, { meta }) =>
      withTenant(ds, meta.tenantId, async (tx) => {
        const where = ['tenant_id = $1'];
        const params: unknown[] = [meta.tenantId];
        const add = (sql: string, value: unknown) => {
          params.push(value);
          where.push(sql.replace('?', `$${params.length}`));
        };
        if (d.viewer.role === 'agent') add('assigned_user_id = ?', d.viewer.userId);
        if (d.statuses?.length) add('status = any(?)', d.statuses);
        if (d.priorities?.length) add('priority = any(?)', d.priorities);
        if (d.types?.length) add('type = any(?)', d.types);
        if (d.assigned === 'unassigned') where.push('assigned_user_id is null');
        else if (d.assigned) add('assigned_user_id = ?', d.assigned === 'me' ? d.viewer.userId : d.assigned);
        const after = decodeCursor(d.cursor);
        if (after) {
          params.push(after[0], after[1]);
          where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
        }
        params.push(d.limit + 1);
        const rows: NotificationRow[] = await tx.query(`select * from notification.notifications where ${where.join(' and ')} order by created_at desc, id desc limit $${params.length}`, params);
        const page = rows.slice(0, d.limit);
        const last = page.at(-1);
        return { items: page.map(rowToNotification), nextCursor: rows.length > d.limit && last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null };
      }),
    ),
    endpoint(unreadNotificationsV1, (d, { meta }) =>
      withTenant(ds, meta.tenantId, async (tx) => {
        const scope = visibleTo(d.viewer, 2);
        const [c] = await tx.query(
          `select count(*)::int as pending, count(*) filter (where priority = 'high')::int as high from notification.notifications where tenant_id = $1 and status = 'pending'${scope.sql}`,
          [meta.tenantId, ...scope.params],
        );
        return { pending: c.pending, highPriority: c.high };
      }),
    ),
    endpoint(updateNotificationV1, (d, { meta }) => withTenant(ds, meta.tenantId, async (tx) => setStatus(tx, meta.tenantId, await mustFind(tx, meta.tenantId, d.id, d.viewer), d.viewer, d.status, d.resolutionNote))),
    endpoint(assignNotificationV1, (d, { meta }) =>
      withTenant(ds, meta.tenantId, async (tx) => {
        const current = await mustFind(tx, meta.tenantId, d.id, d.viewer);
        if (current.status === 'resolved' || current.status === 'dismissed') throw new ConflictError(`Notification is ${current.status}; reopen it before assigning`);
        const [row] = await queryRows<NotificationRow>(tx, `update notification.notifications set assigned_user_id = $3, updated_at = now() where tenant_id = $1 and id = $2 returning *`, [meta.tenantId, d.id, d.userId]);
        return changed(tx, meta.tenantId, row!);
      }),
    ),
    endpoint(bulkResolveNotificationsV1, (d, { meta }) =>
      withTenant(ds, meta.tenantId, async (tx) => {
        const out = { resolved: [] as string[], notFound: [] as string[], alreadyClosed: [] as string[] };
        for (const id of [...new Set(d.ids)]) {
          try {
            const current = await mustFind(tx, meta.tenantId, id, d.viewer);
            if (current.status === 'resolved' || current.status === 'dismissed') out.alreadyClosed.push(id);
            else {
              await setStatus(tx, meta.tenantId, current, d.viewer, 'resolved', d.resolutionNote);
              out.resolved.push(id);
            }
          } catch (err) {
            if (err instanceof AppError && err.status === 404) out.notFound.push(id);
            else throw err;
          }
        }
        return out;
      }),
    ),
    endpoint(deleteNotificationV1, (d, { meta }) =>
      withTenant(ds, meta.tenantId, async (tx) => {
        await mustFind(tx, meta.tenantId, d.id, d.viewer);
        await tx.query(`delete from notification.notifications where tenant_id = $1 and id = $2`, [meta.tenantId, d.id]);
        return { id: d.id };
      }),
    ),
    endpoint(getNotificationPreferencesV1, (d, { meta }) =>
      withTenant(ds, meta.tenantId, async (tx) => {
        const [row] = await tx.query(`select prefs from notification.preferences where user_id = $1 and tenant_id = $2`, [d.viewer.userId, meta.tenantId]);
        const parsed = row ? notificationPreferencesSchema.safeParse(row.prefs) : null;
        return parsed?.success ? parsed.data : DEFAULT_NOTIFICATION_PREFERENCES;
      }),
    ),
    endpoint(putNotificationPreferencesV1, (d, { meta }) =>
      withTenant(ds, meta.tenantId, async (tx) => {
        await tx.query(
          `insert into notification.preferences (user_id, tenant_id, prefs) values ($1, $2, $3) on conflict (user_id) do update set prefs = excluded.prefs, updated_at = now()`,
          [d.viewer.userId, meta.tenantId, JSON.stringify(d.preferences)],
        );
        return d.preferences;
      }),
    ),
  ];
}
