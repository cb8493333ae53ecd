import { callingStatusV1, listCallsV1, vapiToolCallsV1 } from '@soraaya/contracts';
import { endpoint, withTenant, type EndpointRegistration } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import { rowToCall, type CallRow } from '../calls/call-row';
import type { RedisSlots } from '../slots/redis-slots';
import type { VoiceTools } from '../calls/voice-tools';

export function dialerEndpoints(ds: DataSource, slots: RedisSlots, tenantCap: number, tools: VoiceTools): EndpointRegistration[] {
  return [
    endpoint(vapiToolCallsV1, (d, { meta }) => tools.answer(meta, d)),
    endpoint(callingStatusV1, async (_d, { meta }) =>
      withTenant(ds, meta.tenantId, async (tx) => {
        const campaigns: { id: string; name: string; status: string; policy: { maxConcurrentCalls: number } }[] = await tx.query(
          `select id, name, status, policy from dialer.campaigns where tenant_id = $1 and status in ('active', 'paused') order by name`,
          [meta.tenantId],
        );
        const counts: { campaign_id: string; queued: number; due: number; done: number }[] = await tx.query(
          `select campaign_id, count(*) filter (where state <> 'done')::int as queued, count(*) filter (where state = 'waiting' and next_attempt_at <= now())::int as due,
                  count(*) filter (where state = 'done')::int as done
             from dialer.queue where tenant_id = $1 group by campaign_id`,
          [meta.tenantId],
        );
        const today: { campaign_id: string; n: number }[] = await tx.query(
          `select campaign_id, count(*)::int as n from dialer.calls where tenant_id = $1 and created_at >= date_trunc('day', now()) group by campaign_id`,
          [meta.tenantId],
        );
        const recent: CallRow[] = await tx.query(`select * from dialer.calls where tenant_id = $1 order by created_at desc limit 20`, [meta.tenantId]);
        return {
          activeCalls: await slots.inUse(meta.tenantId),
          tenantCap,
          campaigns: await Promise.all(
            campaigns.map(async (c) => {
              const q = counts.find((x) => x.campaign_id === c.id);
              return {
                campaignId: c.id,
                name: c.name,
                status: c.status,
                activeCalls: await slots.inUse(meta.tenantId, c.id),
                maxConcurrentCalls: c.policy.maxConcurrentCalls,
                queued: q?.queued ?? 0,
                dueNow: q?.due ?? 0,
                done: q?.done ?? 0,
                callsToday: today.find((x) => x.campaign_id === c.id)?.n ?? 0,
              };
            }),
          ),
          recentCalls: recent.map(rowToCall),
        };
      }),
    ),
    endpoint(listCallsV1, async (d, { meta }) =>
      withTenant(ds, meta.tenantId, async (tx) => {
        const rows: CallRow[] = await tx.query(
          `select * from dialer.calls where tenant_id = $1 and ($2::uuid is null or lead_id = $2) and ($3::uuid is null or campaign_id = $3) order by created_at desc limit $4`,
          [meta.tenantId, d.leadId ?? null, d.campaignId ?? null, d.limit],
        );
        return { items: rows.map(rowToCall) };
      }),
    ),
  ];
}
