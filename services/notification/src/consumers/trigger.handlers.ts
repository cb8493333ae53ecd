import {
  callEndedV1,
  dialerCircuitOpenedV1,
  getLeadV1,
  intelAnalysisCompletedV1,
  leadImportCompletedV1,
  type EventDefinition,
  type EventEnvelope,
  type RequestMeta,
} from '@soraaya/contracts';
import { AppError, claimInbox, parseEvent, withTenant, type ConsumerSpec, type Logger, type RpcClient } from '@soraaya/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { callbackReminderAt, notificationsFor, type RuleSettings, type Trigger } from '../domain/notification-rules';
import { storeRaised } from '../notifications/raise';
import type { RecipientDirectory } from '../notifications/recipients';

export interface TriggerDeps {
  ds: DataSource;
  rpc: RpcClient;
  recipients: RecipientDirectory;
  settings: RuleSettings;
  logger: Logger;
  clock: () => Date;
}

/** A lead's assignee: notifications about a lead go to whoever owns it (managers when nobody does). */
async function assigneeOf(rpc: RpcClient, tenantId: string, leadId: string | null): Promise<string | null> {
  if (!leadId) return null;
  const meta: RequestMeta = { tenantId, actor: { type: 'service', id: 'notification' }, correlationId: `assignee-${leadId}` };
  try {
    return (await rpc.request(getLeadV1, meta, { id: leadId, withHistory: false })).lead.assignedUserId;
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  }
}

/**
 * One consumer per triggering event: the event becomes a Trigger (with any state
 * a rule needs, updated in the same transaction as the inbox claim, so a
 * redelivery counts nothing twice), the rules say what to raise, and each raise
 * is stored unless its situation is already open.
 */
function triggerConsumer<D extends EventDefinition<string, z.ZodType>>(
  deps: TriggerDeps,
  def: D,
  durable: string,
  toTrigger: (tx: EntityManager, e: EventEnvelope<string, z.infer<D['data']>>, now: Date) => Promise<Trigger | null>,
): ConsumerSpec {
  return {
    stream: def.stream,
    durable,
    filterSubject: def.subject,
    concurrency: 4,
    maxDeliveries: 8,
    backoffBaseMs: 500,
    handler: async (msg) => {
      const e = parseEvent(def, msg);
      const now = deps.clock();
      const leadId = (e.data as { leadId?: string }).leadId ?? null;
      // Looked up before the transaction: no RPC while rows are locked.
      const assignee = await assigneeOf(deps.rpc, e.tenantId, leadId);
      const recipients = await deps.recipients.forAssignee(e.tenantId, assignee);
      await withTenant(deps.ds, e.tenantId, async (tx) => {
        if (!(await claimInbox(tx, 'notification', durable, e.id))) return;
        const trigger = await toTrigger(tx, e, now);
        if (!trigger) return;
        const origin = { tenantId: e.tenantId, correlationId: e.correlationId, causationId: e.id };
        for (const raise of notificationsFor(trigger, now, deps.settings)) {
          const stored = await storeRaised(tx, origin, raise, assignee, recipients, now);
          deps.logger.info({ rule: raise.rule, dedupKey: raise.dedupKey, raised: !!stored }, stored ? 'notification raised' : 'situation already open: nothing new raised');
        }
      });
    },
  };
}

export function triggerConsumers(deps: TriggerDeps): ConsumerSpec[] {
  return [
    triggerConsumer(deps, intelAnalysisCompletedV1, 'notification-analysis', async (tx, e, now) => {
      const a = e.data.analysis;
      if (a.outcome === 'callback_requested' && a.callbackAt && callbackReminderAt(a.callbackAt) > now) {
        await tx.query(
          `insert into notification.callback_reminders (tenant_id, lead_id, campaign_id, callback_at, remind_at) values ($1, $2, $3, $4, $5) on conflict do nothing`,
          [e.tenantId, e.data.leadId, e.data.campaignId, a.callbackAt, callbackReminderAt(a.callbackAt)],
        );
      }
      return { kind: 'call_analyzed', leadId: e.data.leadId, campaignId: e.data.campaignId, analysis: a };
    }),
    triggerConsumer(deps, callEndedV1, 'notification-call-ended', async (tx, e) => {
      const failed = e.data.outcome === 'failed';
      const [row] = await tx.query(
        `insert into notification.call_failures (tenant_id, lead_id, consecutive) values ($1, $2, $3)
         on conflict (lead_id) do update set consecutive = case when $3 = 0 then 0 else notification.call_failures.consecutive + 1 end, updated_at = now()
         returning consecutive`,
        [e.tenantId, e.data.leadId, failed ? 1 : 0],
      );
      return failed ? { kind: 'call_failed', leadId: e.data.leadId, campaignId: e.data.campaignId, consecutiveFailures: row.consecutive, endedReason: e.data.endedReason } : null;
    }),
    triggerConsumer(deps, dialerCircuitOpenedV1, 'notification-circuit', async (_tx, e) => ({ kind: 'circuit_opened', ...e.data })),
    triggerConsumer(deps, leadImportCompletedV1, 'notification-import', async (_tx, e) => ({ kind: 'import_completed', importId: e.data.importId, fileName: e.data.fileName, status: e.data.status, counts: e.data.counts, error: e.data.error })),
  ];
}
