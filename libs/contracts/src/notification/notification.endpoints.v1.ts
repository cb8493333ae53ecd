import { z } from 'zod';
import { defineEndpoint } from '../rpc';
import { notificationPreferencesSchema, notificationPrioritySchema, notificationSchema, notificationStatusSchema, notificationTypeSchema } from './notification.model';

const id = z.object({ id: z.uuid() }).strict();
/** Who is asking, as the gateway authenticated them: agents see only what is assigned to them. */
const viewer = z.object({ userId: z.uuid(), role: z.enum(['admin', 'manager', 'agent']) }).strict();

export const listNotificationsV1 = defineEndpoint({
  service: 'notification',
  verb: 'list',
  version: 1,
  request: z
    .object({
      viewer,
      statuses: z.array(notificationStatusSchema).max(4).optional(),
      priorities: z.array(notificationPrioritySchema).max(3).optional(),
      types: z.array(notificationTypeSchema).max(9).optional(),
      /** `me`, `unassigned`, or a user id. */
      assigned: z.union([z.literal('me'), z.literal('unassigned'), z.uuid()]).optional(),
      limit: z.number().int().min(1).max(200).default(50),
      /** The `nextCursor` of the previous page. */
      cursor: z.string().max(200).optional(),
    })
    .strict(),
  response: z.object({ items: z.array(notificationSchema), nextCursor: z.string().nullable() }),
});

export const unreadNotificationsV1 = defineEndpoint({
  service: 'notification',
  verb: 'unread_count',
  version: 1,
  request: z.object({ viewer }).strict(),
  response: z.object({ pending: z.number().int(), highPriority: z.number().int() }),
});

export const updateNotificationV1 = defineEndpoint({
  service: 'notification',
  verb: 'update',
  version: 1,
  request: z
    .object({ viewer, id: z.uuid(), status: notificationStatusSchema.optional(), resolutionNote: z.string().trim().min(1).max(2000).optional() })
    .strict()
    .refine((r) => r.status !== undefined || r.resolutionNote !== undefined, { message: 'must change status or resolutionNote', path: ['status'] }),
  response: notificationSchema,
});

export const assignNotificationV1 = defineEndpoint({
  service: 'notification',
  verb: 'assign',
  version: 1,
  request: z.object({ viewer, id: z.uuid(), userId: z.uuid().nullable() }).strict(),
  response: notificationSchema,
});

export const bulkResolveNotificationsV1 = defineEndpoint({
  service: 'notification',
  verb: 'bulk_resolve',
  version: 1,
  request: z.object({ viewer, ids: z.array(z.uuid()).min(1).max(500), resolutionNote: z.string().trim().min(1).max(2000).optional() }).strict(),
  response: z.object({ resolved: z.array(z.uuid()), notFound: z.array(z.uuid()), alreadyClosed: z.array(z.uuid()) }),
});

export const deleteNotificationV1 = defineEndpoint({
  service: 'notification',
  verb: 'delete',
  version: 1,
  request: z.object({ viewer, id: z.uuid() }).strict(),
  response: id,
});

export const getNotificationPreferencesV1 = defineEndpoint({ service: 'notification', verb: 'preferences_get', version: 1, request: z.object({ viewer }).strict(), response: notificationPreferencesSchema });
export const putNotificationPreferencesV1 = defineEndpoint({
  service: 'notification',
  verb: 'preferences_put',
  version: 1,
  request: z.object({ viewer, preferences: notificationPreferencesSchema }).strict(),
  response: notificationPreferencesSchema,
});

/** The gateway owns users: the notification service asks it who manages a tenant (escalations, unassigned alerts). */
export const tenantUsersV1 = defineEndpoint({
  service: 'gateway',
  verb: 'tenant_users',
  version: 1,
  request: z.object({ roles: z.array(z.enum(['admin', 'manager', 'agent'])).min(1).max(3) }).strict(),
  response: z.object({ items: z.array(z.object({ id: z.uuid(), email: z.string(), fullName: z.string(), role: z.enum(['admin', 'manager', 'agent']) })) }),
});
