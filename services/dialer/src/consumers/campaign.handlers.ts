import {
  campaignArchivedV1,
  campaignLeadsAssignedV1,
  campaignPausedV1,
  campaignResumedV1,
  campaignStartedV1,
  campaignStoppedV1,
  campaignUpdatedV1,
  leadDncChangedV1,
  leadStatusChangedV1,
} from '@soraaya/contracts';
import { claimInbox, parseEvent, withTenant, type ConsumerSpec } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';

/**
 * The dialer's picture of the world, kept from events: which campaigns run and
 * how (policy, personas, properties), which leads are queued, which numbers are
 * on the do-not-call list, and callbacks people asked for.
 */
export function stateConsumers(ds: DataSource, wake: () => void): ConsumerSpec[] {
  const runnable = (def: typeof campaignStartedV1 | typeof campaignResumedV1, durable: string): ConsumerSpec => ({
    stream: 'CAMPAIGNS',
    durable,
    filterSubject: def.subject,
    handler: async (msg) => {
      const e = parseEvent(def, msg);
      const c = e.data.campaign;
      await withTenant(ds, e.tenantId, (tx) =>
        tx.query(
          `insert into dialer.campaigns (id, tenant_id, name, status, policy, personas, variants, properties, campaign_version, status_at)
           values ($1, $2, $3, 'active', $4, $5, $6, $7, $8, $9)
           on conflict (id) do update set name = excluded.name, policy = excluded.policy, personas = excluded.personas, variants = excluded.variants,
             properties = excluded.properties, campaign_version = excluded.campaign_version,
             status = case when dialer.campaigns.status_at <= excluded.status_at then 'active' else dialer.campaigns.status end,
             status_at = greatest(dialer.campaigns.status_at, excluded.status_at), updated_at = now()
           where dialer.campaigns.campaign_version <= excluded.campaign_version`,
          [c.id, e.tenantId, c.name, JSON.stringify(c.callingPolicy), JSON.stringify(e.data.personas), JSON.stringify(c.personas), JSON.stringify(e.data.properties), c.version, e.occurredAt],
        ),
      );
      wake();
    },
  });
  const halted = (def: typeof campaignPausedV1 | typeof campaignStoppedV1 | typeof campaignArchivedV1, durable: string, status: string): ConsumerSpec => ({
    stream: 'CAMPAIGNS',
    durable,
    filterSubject: def.subject,
    handler: async (msg) => {
      const e = parseEvent(def, msg);
      await withTenant(ds, e.tenantId, async (tx) => {
        await tx.query(`update dialer.campaigns set status = $2, status_at = $3, updated_at = now() where id = $1 and status_at <= $3`, [e.data.campaignId, status, e.occurredAt]);
        if (status !== 'paused') {
          await tx.query(`update dialer.queue set state = 'done', outcome = 'campaign_${status}', updated_at = now() where campaign_id = $1 and state = 'waiting'`, [e.data.campaignId]);
        }
      });
    },
  });
  return [
    runnable(campaignStartedV1, 'dialer-campaign-started'),
    runnable(campaignResumedV1, 'dialer-campaign-resumed'),
    halted(campaignPausedV1, 'dialer-campaign-paused', 'paused'),
    halted(campaignStoppedV1, 'dialer-campaign-stopped', 'completed'),
    halted(campaignArchivedV1, 'dialer-campaign-archived', 'archived'),
    {
      stream: 'CAMPAIGNS',
      durable: 'dialer-campaign-updated',
      filterSubject: campaignUpdatedV1.subject,
      handler: async (msg) => {
        const e = parseEvent(campaignUpdatedV1, msg);
        const c = e.data.campaign;
        await withTenant(ds, e.tenantId, (tx) =>
          tx.query(
            `update dialer.campaigns set name = $2, policy = $3, variants = $4, campaign_version = $5, updated_at = now() where id = $1 and campaign_version < $5`,
            [c.id, c.name, JSON.stringify(c.callingPolicy), JSON.stringify(c.personas), c.version],
          ),
        );
      },
    },
    {
      stream: 'CAMPAIGNS',
      durable: 'dialer-leads-assigned',
      filterSubject: campaignLeadsAssignedV1.subject,
      concurrency: 2,
      handler: async (msg) => {
        const e = parseEvent(campaignLeadsAssignedV1, msg);
        await withTenant(ds, e.tenantId, (tx) =>
          tx.query(
            `insert into dialer.queue (tenant_id, campaign_id, lead_id) select $1, $2, unnest($3::uuid[])
             on conflict (campaign_id, lead_id) do update set state = 'waiting', outcome = null, updated_at = now()
               where dialer.queue.state = 'done' and dialer.queue.outcome like 'campaign_%'`,
            [e.tenantId, e.data.campaignId, e.data.leadIds],
          ),
        );
        wake();
      },
    },
    {
      stream: 'LEADS',
      durable: 'dialer-dnc',
      filterSubject: leadDncChangedV1.subject,
      handler: async (msg) => {
        const e = parseEvent(leadDncChangedV1, msg);
        await withTenant(ds, e.tenantId, async (tx) => {
          if (!(await claimInbox(tx, 'dialer', 'dialer-dnc', e.id))) return;
          if (e.data.blocked) await tx.query(`insert into dialer.dnc (tenant_id, phone_e164) values ($1, $2) on conflict do nothing`, [e.tenantId, e.data.phoneE164]);
          else await tx.query(`delete from dialer.dnc where tenant_id = $1 and phone_e164 = $2`, [e.tenantId, e.data.phoneE164]);
        });
      },
    },
    {
      // A callback booked for a time: the lead's next attempt is then (the window check still applies),
      // even after its last attempt: see the queue's callback_at.
      stream: 'LEADS',
      durable: 'dialer-callbacks',
      filterSubject: leadStatusChangedV1.subject,
      handler: async (msg) => {
        const e = parseEvent(leadStatusChangedV1, msg);
        if (e.data.to !== 'callback_requested' || !e.data.lead.callbackAt || !e.data.lead.campaignId) return;
        await withTenant(ds, e.tenantId, (tx) =>
          tx.query(
            `update dialer.queue set next_attempt_at = $3, callback_at = $3, state = 'waiting', outcome = null, updated_at = now()
              where campaign_id = $1 and lead_id = $2 and state in ('waiting', 'done')`,
            [e.data.lead.campaignId, e.data.leadId, e.data.lead.callbackAt],
          ),
        );
      },
    },
  ];
}
