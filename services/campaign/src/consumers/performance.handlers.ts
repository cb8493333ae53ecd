import { callEndedV1, callStartedV1, intelCallAnalyzedV1, type EventDefinition, type EventEnvelope } from '@soraaya/contracts';
import { claimInbox, parseEvent, withTenant, type ConsumerSpec } from '@soraaya/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { NO_PERSONA } from '../queries/performance.query';

type Counter = 'dialed' | 'connected' | 'qualified' | 'not_interested' | 'follow_up' | 'callbacks' | 'human_needed';

async function bump(tx: EntityManager, tenantId: string, campaignId: string, personaId: string | null, counters: Partial<Record<Counter, number>>, extra: { duration?: number; cost?: number } = {}): Promise<void> {
  const cols = Object.keys(counters) as Counter[];
  await tx.query(
    `insert into campaign.campaign_stats (tenant_id, campaign_id, persona_key, ${cols.join(', ')}, total_duration_seconds, cost_usd)
     values ($1, $2, $3, ${cols.map((_, i) => `$${i + 6}`).join(', ')}${cols.length ? ', ' : ''}$4, $5)
     on conflict (campaign_id, persona_key) do update set
       ${[...cols.map((c) => `${c} = campaign_stats.${c} + excluded.${c}`), 'total_duration_seconds = campaign_stats.total_duration_seconds + excluded.total_duration_seconds', 'cost_usd = campaign_stats.cost_usd + excluded.cost_usd', 'updated_at = now()'].join(', ')}`,
    [tenantId, campaignId, personaId ?? NO_PERSONA, extra.duration ?? 0, extra.cost ?? 0, ...cols.map((c) => counters[c])],
  );
}

/**
 * Applies an event to the performance read model exactly once: the inbox row
 * and the counter change commit together, so a redelivered or replayed event
 * changes nothing.
 */
function readModelConsumer<D extends EventDefinition<string, z.ZodType>>(
  ds: DataSource,
  def: D,
  durable: string,
  apply: (tx: EntityManager, e: EventEnvelope<string, z.infer<D['data']>>) => Promise<void>,
): ConsumerSpec {
  return {
    stream: def.stream,
    durable,
    filterSubject: def.subject,
    concurrency: 4,
    handler: async (msg) => {
      const event = parseEvent(def, msg);
      const data = event.data as { campaignId: string | null };
      if (!data.campaignId) return; // calls outside campaigns are not campaign performance
      await withTenant(ds, event.tenantId, async (tx) => {
        if (!(await claimInbox(tx, 'campaign', durable, event.id))) return;
        await apply(tx, event);
      });
    },
  };
}

const CLASSIFICATION: Record<string, { counter: Counter; leadStatus: string } | undefined> = {
  qualified: { counter: 'qualified', leadStatus: 'qualified' },
  not_interested: { counter: 'not_interested', leadStatus: 'not_interested' },
  follow_up: { counter: 'follow_up', leadStatus: 'contacted' },
  callback_requested: { counter: 'callbacks', leadStatus: 'callback' },
  human_input_needed: { counter: 'human_needed', leadStatus: 'human_needed' },
};

export function performanceConsumers(ds: DataSource): ConsumerSpec[] {
  return [
    readModelConsumer(ds, callStartedV1, 'campaign-perf-call-started', async (tx, e) => {
      await bump(tx, e.tenantId, e.data.campaignId!, e.data.personaId, { dialed: 1 });
      await tx.query(
        `update campaign.campaign_leads set attempts = greatest(attempts, $4), status = 'calling', persona_id = coalesce(persona_id, $5), updated_at = now()
          where tenant_id = $1 and campaign_id = $2 and lead_id = $3 and status <> 'removed'`,
        [e.tenantId, e.data.campaignId, e.data.leadId, e.data.attempt, e.data.personaId],
      );
    }),
    readModelConsumer(ds, callEndedV1, 'campaign-perf-call-ended', async (tx, e) => {
      // A lead ringing us is no dial of the campaign: its analysis still counts (below), its connection does not.
      if (e.data.direction === 'inbound') return;
      const answered = e.data.outcome === 'answered';
      await bump(tx, e.tenantId, e.data.campaignId!, e.data.personaId, { connected: answered ? 1 : 0 }, { duration: answered ? e.data.durationSeconds : 0, cost: e.data.costUsd });
      await tx.query(
        `update campaign.campaign_leads set status = case when $4 then 'contacted' else 'pending' end, updated_at = now()
          where tenant_id = $1 and campaign_id = $2 and lead_id = $3 and status = 'calling'`,
        [e.tenantId, e.data.campaignId, e.data.leadId, answered],
      );
    }),
    readModelConsumer(ds, intelCallAnalyzedV1, 'campaign-perf-intel', async (tx, e) => {
      const effect = CLASSIFICATION[e.data.classification];
      if (!effect) return;
      await bump(tx, e.tenantId, e.data.campaignId!, e.data.personaId, { [effect.counter]: 1 });
      await tx.query(`update campaign.campaign_leads set status = $4, updated_at = now() where tenant_id = $1 and campaign_id = $2 and lead_id = $3 and status <> 'removed'`, [
        e.tenantId,
        e.data.campaignId,
        e.data.leadId,
        effect.leadStatus,
      ]);
    }),
  ];
}
