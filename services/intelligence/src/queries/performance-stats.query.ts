import type { ParsedRequestOf, PerformanceCounts, ResponseOf, intelPerformanceStatsV1 } from '@soraaya/contracts';
import { withTenant } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';

type Request = ParsedRequestOf<typeof intelPerformanceStatsV1>;
type Row = {
  is_total: boolean;
  key: string | null;
  leads: number;
  dialed: number;
  connected: number;
  answered: number;
  answered_seconds: string;
  qualified: number;
  not_interested: number;
  callbacks: number;
  human_needed: number;
  cost_usd: string;
};

const EMPTY: PerformanceCounts = { leads: 0, dialed: 0, connected: 0, answered: 0, answeredSeconds: 0, qualified: 0, notInterested: 0, callbacks: 0, humanNeeded: 0, costUsd: 0 };

const countsOf = (r: Row): PerformanceCounts => ({
  leads: r.leads,
  dialed: r.dialed,
  connected: r.connected,
  answered: r.answered,
  answeredSeconds: Number(r.answered_seconds),
  qualified: r.qualified,
  notInterested: r.not_interested,
  callbacks: r.callbacks,
  humanNeeded: r.human_needed,
  costUsd: Number(r.cost_usd),
});

/**
 * The performance report's counts: every call started within the tenant's
 * calendar days `from`..`to`, with its reading, grouped by campaign, persona or
 * the lead's source, and in total (grouping sets, so a lead counts once in the
 * totals however many groups it appears in). Read from the calls themselves,
 * not the UTC-day rollups: the days are the tenant's and the leads distinct.
 */
export async function performanceStats(ds: DataSource, tenantId: string, q: Request): Promise<ResponseOf<typeof intelPerformanceStatsV1>> {
  return withTenant(ds, tenantId, async (tx) => {
    // The distinct counts sort in memory instead of spilling to disk (this transaction only).
    await tx.query(`select set_config('work_mem', '64MB', true)`);
    const rows: Row[] = await tx.query(
      `with c as (
         select t.lead_id, t.attempt > 0 as dialed, t.call_outcome = 'answered' as answered, t.duration_seconds, t.cost_usd, a.outcome as reading,
                case $5::text when 'campaign' then t.campaign_id::text when 'persona' then t.persona_id::text else t.lead_source end as key
           from intel.transcripts t left join intel.analyses a on a.call_id = t.call_id
          where t.tenant_id = $1
            and t.started_at >= ($2::date::timestamp at time zone $4) and t.started_at < (($3::date + 1)::timestamp at time zone $4)
            and ($6::uuid is null or t.campaign_id = $6))
       select grouping(key) = 1 as is_total, key,
              count(distinct lead_id)::int as leads,
              count(*) filter (where dialed)::int as dialed,
              count(*) filter (where dialed and answered)::int as connected,
              count(*) filter (where answered)::int as answered,
              coalesce(sum(duration_seconds) filter (where answered), 0) as answered_seconds,
              count(distinct lead_id) filter (where reading = 'qualified')::int as qualified,
              count(distinct lead_id) filter (where reading = 'not_interested')::int as not_interested,
              count(distinct lead_id) filter (where reading = 'callback_requested')::int as callbacks,
              count(distinct lead_id) filter (where reading = 'human_input_needed')::int as human_needed,
              coalesce(sum(cost_usd), 0) as cost_usd
         from c group by grouping sets ((key), ())`,
      [tenantId, q.from, q.to, q.timeZone, q.groupBy, q.campaignId ?? null],
    );
    const total = rows.find((r) => r.is_total);
    return {
      groups: rows.filter((r) => !r.is_total).map((r) => ({ key: r.key, counts: countsOf(r) })),
      totals: total ? countsOf(total) : EMPTY,
    };
  });
}
