import { notificationEscalatedV1 } from '@soraaya/contracts';
import { enqueueEvent, queryRows, withTenant, type Logger } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import { retryDelayMs } from '../domain/delivery-policy';
import { notificationsFor, type RuleSettings } from '../domain/notification-rules';
import type { ChannelSender } from '../delivery/senders';
import { rowToNotification, type NotificationRow } from '../notifications/notification-row';
import { insertDeliveries, storeRaised } from '../notifications/raise';
import type { RecipientDirectory } from '../notifications/recipients';

export interface JobDeps {
  ds: DataSource;
  recipients: RecipientDirectory;
  senders: { email: ChannelSender; sms: ChannelSender };
  settings: RuleSettings & { slaMinutes: number; maxAttempts: number; consoleUrl: string };
  logger: Logger;
}

interface DueDelivery {
  id: string;
  tenant_id: string;
  channel: 'email' | 'sms';
  address: string;
  attempts: number;
  title: string;
  message: string;
  priority: string;
  required_action: string | null;
  escalated: boolean;
  notification_id: string;
}

/**
 * The periodic work, each step a function of "now" so tests drive it with a
 * controllable clock: callback reminders falling due, escalation of high
 * priority notifications nobody picked up within the SLA, and outside
 * deliveries (email, SMS) with retries and backoff. Each query spans tenants
 * (run as the schema owner); writes go through the tenant scope.
 */
export class NotificationJobs {
  /** Told of every email/SMS attempt's result (metrics). */
  onDelivery: (channel: 'email' | 'sms', result: 'sent' | 'retry' | 'failed') => void = () => undefined;

  constructor(private readonly deps: JobDeps) {}

  async tick(now: Date): Promise<void> {
    await this.remindCallbacks(now);
    await this.escalateOverdue(now);
    await this.deliverDue(now);
  }

  async remindCallbacks(now: Date): Promise<number> {
    const due: { tenant_id: string; lead_id: string; campaign_id: string | null; callback_at: Date }[] = await this.deps.ds.query(
      `select tenant_id, lead_id, campaign_id, callback_at from notification.callback_reminders where not done and remind_at <= $1 order by remind_at limit 100`,
      [now],
    );
    for (const r of due) {
      const recipients = await this.deps.recipients.managers(r.tenant_id);
      await withTenant(this.deps.ds, r.tenant_id, async (tx) => {
        const claimed = await queryRows(tx, `update notification.callback_reminders set done = true where tenant_id = $1 and lead_id = $2 and callback_at = $3 and not done returning 1`, [r.tenant_id, r.lead_id, r.callback_at]);
        if (!claimed.length) return;
        const origin = { tenantId: r.tenant_id, correlationId: `callback-${r.lead_id}` };
        for (const raise of notificationsFor({ kind: 'callback_due', leadId: r.lead_id, campaignId: r.campaign_id, callbackAt: r.callback_at.toISOString() }, now, this.deps.settings)) {
          await storeRaised(tx, origin, raise, null, recipients, now);
        }
      });
    }
    return due.length;
  }

  async escalateOverdue(now: Date): Promise<number> {
    const overdue: { id: string; tenant_id: string }[] = await this.deps.ds.query(
      `select id, tenant_id from notification.notifications
        where priority = 'high' and status = 'pending' and not escalated and created_at <= $1::timestamptz - make_interval(mins => $2) order by created_at limit 100`,
      [now, this.deps.settings.slaMinutes],
    );
    for (const o of overdue) {
      const managers = await this.deps.recipients.managers(o.tenant_id);
      await withTenant(this.deps.ds, o.tenant_id, async (tx) => {
        const [row] = await queryRows<NotificationRow>(tx, `update notification.notifications set escalated = true, escalated_at = $2, updated_at = $2 where id = $1 and status = 'pending' and not escalated returning *`, [o.id, now]);
        if (!row) return; // picked up or escalated meanwhile
        const n = rowToNotification(row);
        await enqueueEvent(tx, 'notification', notificationEscalatedV1, { tenantId: o.tenant_id, correlationId: `escalate-${o.id}` }, { notification: n });
        await insertDeliveries(tx, n, managers, 'escalated', now);
        this.deps.logger.warn({ notificationId: n.id, type: n.type }, 'notification escalated: not picked up within the SLA');
      });
    }
    return overdue.length;
  }

  async deliverDue(now: Date): Promise<number> {
    // Claimed with a lease (next attempt pushed out) so another replica does not send the same message meanwhile.
    const due: DueDelivery[] = await queryRows(
      this.deps.ds.manager,
      `update notification.deliveries d set attempts = d.attempts + 1, next_attempt_at = $1::timestamptz + interval '5 minutes'
         from notification.notifications n
        where n.id = d.notification_id and d.id in (
          select id from notification.deliveries where status = 'pending' and next_attempt_at <= $1 order by next_attempt_at limit 20 for update skip locked)
        returning d.id, d.tenant_id, d.channel, d.address, d.attempts, n.title, n.message, n.priority, n.required_action, n.escalated, n.id as notification_id`,
      [now],
    );
    for (const d of due) {
      const subject = `${d.escalated ? '[Escalated] ' : ''}[${d.priority}] ${d.title}`;
      const text = `${d.message}\n\n${d.required_action ? `Action: ${d.required_action}\n` : ''}${this.deps.settings.consoleUrl}/notifications/${d.notification_id}`;
      try {
        const providerId = await this.deps.senders[d.channel].send({ to: d.address, subject, text });
        await this.deps.ds.query(`update notification.deliveries set status = 'sent', sent_at = $2, provider_id = $3, last_error = null where id = $1`, [d.id, now, providerId]);
        this.onDelivery(d.channel, 'sent');
      } catch (err) {
        const error = (err as Error).message.split('\n')[0]!.slice(0, 500);
        const final = d.attempts >= this.deps.settings.maxAttempts;
        await this.deps.ds.query(`update notification.deliveries set status = $2, last_error = $3, next_attempt_at = $4 where id = $1`, [d.id, final ? 'failed' : 'pending', error, new Date(now.getTime() + retryDelayMs(d.attempts))]);
        this.onDelivery(d.channel, final ? 'failed' : 'retry');
        this.deps.logger.warn({ deliveryId: d.id, channel: d.channel, attempt: d.attempts, final, error }, 'delivery failed');
      }
    }
    return due.length;
  }
}
