import {
  assignNotificationV1,
  bulkResolveNotificationsV1,
  deleteNotificationV1,
  getNotificationPreferencesV1,
  listNotificationsV1,
  notificationPreferencesSchema,
  notificationPrioritySchema,
  notificationSchema,
  notificationStatusSchema,
  notificationTypeSchema,
  putNotificationPreferencesV1,
  unreadNotificationsV1,
  updateNotificationV1,
} from '@soraaya/contracts';
import type { RpcClient } from '@soraaya/service-kit';
import { z } from 'zod';
import type { AccessClaims } from '../auth/jwt';
import { idParams, q, type ApiRoutes } from '../http/api-route';

const viewerOf = (auth: AccessClaims) => ({ userId: auth.sub, role: auth.role });

/** The notification centre: list, badge count, work a notification, assign, bulk resolve, delete, preferences. */
export function registerNotificationRoutes(api: ApiRoutes, rpc: RpcClient): void {
  api.add({
    method: 'GET',
    url: '/api/v1/notifications',
    summary: 'Notifications, newest first (agents: those assigned to them)',
    tag: 'notifications',
    access: 'notifications:read',
    query: z
      .object({
        status: q.list(notificationStatusSchema).optional(),
        priority: q.list(notificationPrioritySchema).optional(),
        type: q.list(notificationTypeSchema).optional(),
        assigned: z.union([z.literal('me'), z.literal('unassigned'), z.uuid()]).optional(),
        limit: q.int().min(1).max(200).optional(),
        cursor: z.string().max(200).optional(),
      })
      .strict(),
    response: listNotificationsV1.response,
    handler: ({ query, auth, meta }) =>
      rpc.request(listNotificationsV1, meta, {
        viewer: viewerOf(auth),
        ...(query.status ? { statuses: query.status } : {}),
        ...(query.priority ? { priorities: query.priority } : {}),
        ...(query.type ? { types: query.type } : {}),
        ...(query.assigned ? { assigned: query.assigned } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      }),
  });
  api.add({ method: 'GET', url: '/api/v1/notifications/unread-count', summary: 'Pending notifications, for the badge', tag: 'notifications', access: 'notifications:read', response: unreadNotificationsV1.response, handler: ({ auth, meta }) => rpc.request(unreadNotificationsV1, meta, { viewer: viewerOf(auth) }) });
  api.add({ method: 'GET', url: '/api/v1/notifications/preferences', summary: 'My notification preferences', tag: 'notifications', access: 'notifications:read', response: notificationPreferencesSchema, handler: ({ auth, meta }) => rpc.request(getNotificationPreferencesV1, meta, { viewer: viewerOf(auth) }) });
  api.add({
    method: 'PUT',
    url: '/api/v1/notifications/preferences',
    summary: 'Set my channels, quiet hours and minimum priority',
    tag: 'notifications',
    access: 'notifications:read',
    body: notificationPreferencesSchema,
    response: notificationPreferencesSchema,
    handler: ({ body, auth, meta }) => rpc.request(putNotificationPreferencesV1, meta, { viewer: viewerOf(auth), preferences: body }),
  });
  api.add({
    method: 'POST',
    url: '/api/v1/notifications/bulk-resolve',
    summary: 'Resolve many notifications at once',
    tag: 'notifications',
    access: 'notifications:manage',
    body: z.object({ ids: z.array(z.uuid()).min(1).max(500), resolutionNote: z.string().trim().min(1).max(2000).optional() }).strict(),
    response: bulkResolveNotificationsV1.response,
    handler: ({ body, auth, meta }) => rpc.request(bulkResolveNotificationsV1, meta, { viewer: viewerOf(auth), ...body }),
  });
  api.add({
    method: 'PUT',
    url: '/api/v1/notifications/:id',
    summary: 'Work a notification: status and resolution note',
    tag: 'notifications',
    access: 'notifications:read',
    params: idParams,
    body: z.object({ status: notificationStatusSchema.optional(), resolutionNote: z.string().trim().min(1).max(2000).optional() }).strict(),
    response: notificationSchema,
    handler: ({ params, body, auth, meta }) => rpc.request(updateNotificationV1, meta, { viewer: viewerOf(auth), id: params.id, ...body }),
  });
  api.add({
    method: 'POST',
    url: '/api/v1/notifications/:id/assign',
    summary: 'Assign a notification to a user (null: unassign)',
    tag: 'notifications',
    access: 'notifications:manage',
    params: idParams,
    body: z.object({ userId: z.uuid().nullable() }).strict(),
    response: notificationSchema,
    handler: ({ params, body, auth, meta }) => rpc.request(assignNotificationV1, meta, { viewer: viewerOf(auth), id: params.id, userId: body.userId }),
  });
  api.add({
    method: 'DELETE',
    url: '/api/v1/notifications/:id',
    summary: 'Delete a notification',
    tag: 'notifications',
    access: 'notifications:manage',
    params: idParams,
    response: deleteNotificationV1.response,
    handler: ({ params, auth, meta }) => rpc.request(deleteNotificationV1, meta, { viewer: viewerOf(auth), id: params.id }),
  });
}
