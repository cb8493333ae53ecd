import { z } from 'zod';

export const NOTIFICATION_TYPES = [
  'qualified_lead_ready',
  'human_intervention',
  'escalated_call',
  'urgent_callback',
  'technical_issue',
  'review_required',
  'data_validation',
  'campaign_adjustment',
  'system_alert',
] as const;
export const NOTIFICATION_PRIORITIES = ['high', 'medium', 'low'] as const;
export const NOTIFICATION_STATUSES = ['pending', 'in_progress', 'resolved', 'dismissed'] as const;
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'sms'] as const;

export const notificationTypeSchema = z.enum(NOTIFICATION_TYPES);
export const notificationPrioritySchema = z.enum(NOTIFICATION_PRIORITIES);
export const notificationStatusSchema = z.enum(NOTIFICATION_STATUSES);
export type NotificationType = z.infer<typeof notificationTypeSchema>;
export type NotificationPriority = z.infer<typeof notificationPrioritySchema>;
export type NotificationStatus = z.infer<typeof notificationStatusSchema>;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

const isoDateTime = z.iso.datetime({ offset: true });

export const notificationSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  type: notificationTypeSchema,
  priority: notificationPrioritySchema,
  title: z.string(),
  message: z.string(),
  leadId: z.uuid().nullable(),
  campaignId: z.uuid().nullable(),
  requiredAction: z.string().nullable(),
  assignedUserId: z.uuid().nullable(),
  status: notificationStatusSchema,
  escalated: z.boolean(),
  escalatedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
  resolutionNote: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

export const notificationPreferencesSchema = z
  .object({
    channels: z.object({ in_app: z.boolean(), email: z.boolean(), sms: z.boolean() }).strict(),
    /** Email and SMS wait until quiet hours end (in-app is never held back). */
    quietHours: z.object({ start: hhmm, end: hhmm, timeZone: z.string().min(1).max(64) }).strict().nullable(),
    /** Email and SMS only from this priority up. */
    minPriority: notificationPrioritySchema,
    email: z.email().nullable(),
    phone: z.string().regex(/^\+\d{8,15}$/, 'must be an E.164 number such as +919820012345').nullable(),
  })
  .strict();
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  channels: { in_app: true, email: true, sms: false },
  quietHours: null,
  minPriority: 'medium',
  email: null,
  phone: null,
};
