import { DEFAULT_NOTIFICATION_PREFERENCES, notificationCreatedV1, notificationPreferencesSchema, type Notification, type NotificationPreferences } from '@soraaya/contracts';
import { enqueueEvent, uuid7, type EventOrigin } from '@soraaya/service-kit';
import type { EntityManager } from 'typeorm';
import { planDeliveries } from '../domain/delivery-policy';
import type { Raise } from '../domain/notification-rules';
import { rowToNotification, type NotificationRow } from './notification-row';
import type { Recipient } from './recipients';

export async function preferencesOf(tx: EntityManager, recipient: Recipient): Promise<NotificationPreferences> {
  const rows: { prefs: unknown }[] = await tx.query(`select prefs from notification.preferences where user_id = $1`, [recipient.id]);
  const stored = rows[0] ? notificationPreferencesSchema.safeParse(rows[0].prefs) : null;
  const prefs = stored?.success ? stored.data : DEFAULT_NOTIFICATION_PREFERENCES;
  return { ...prefs, email: prefs.email ?? recipient.email };
}

/**
 * One delivery row per recipient and channel, by their preferences. In-app
 * goes out with the notification event itself (published by the outbox relay
 * to the gateway's live feed), so it is recorded as sent with the commit.
 */
export async function insertDeliveries(tx: EntityManager, n: Notification, recipients: Recipient[], reason: 'created' | 'escalated', now: Date): Promise<void> {
  for (const r of recipients) {
    const prefs = await preferencesOf(tx, r);
    for (const plan of planDeliveries(prefs, n.priority, now)) {
      const skipped = 'skip' in plan;
      const inApp = plan.channel === 'in_app';
      const address = plan.channel === 'email' ? prefs.email : plan.channel === 'sms' ? prefs.phone : null;
      await tx.query(
        `insert into notification.deliveries (tenant_id, notification_id, user_id, channel, reason, address, status, next_attempt_at, last_error, sent_at, attempts)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict do nothing`,
        [n.tenantId, n.id, r.id, plan.channel, reason, address, skipped ? 'skipped' : inApp ? 'sent' : 'pending', skipped ? now : plan.notBefore, skipped ? plan.skip : null, inApp && !skipped ? now : null, inApp ? 1 : 0],
      );
    }
  }
}

/** Stores a raised notification unless the same situation is already open; returns it, or null for a duplicate. */
export async function storeRaised(tx: EntityManager, origin: EventOrigin, r: Raise, assignedUserId: string | null, recipients: Recipient[], now: Date): Promise<Notification | null> {
  const rows: NotificationRow[] = await tx.query(
    `insert into notification.notifications (id, tenant_id, type, priority, title, message, lead_id, campaign_id, required_action, assigned_user_id, rule, dedup_key, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     on conflict (tenant_id, dedup_key) where status in ('pending', 'in_progress') do nothing
     returning *`,
    [uuid7(), origin.tenantId, r.type, r.priority, r.title.slice(0, 300), r.message.slice(0, 4000), r.leadId, r.campaignId, r.requiredAction, assignedUserId, r.rule, r.dedupKey, now],
  );
  if (!rows[0]) return null;
  const n = rowToNotification(rows[0]);
  await enqueueEvent(tx, 'notification', notificationCreatedV1, origin, { notification: n });
  await insertDeliveries(tx, n, recipients, 'created', now);
  return n;
}
