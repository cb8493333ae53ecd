import { LEAD_STATUSES, type LeadStatus, type ParsedRequestOf, type RequestMeta, type ResponseOf, type leadDailyStatsV1, type leadRecentStatsV1, type leadStatsV1 } from '@soraaya/contracts';
import { withTenant } from '@soraaya/service-kit';
import type { LeadDeps } from '../commands/command-context';

/**
 * UTC days as SQL over params $2 (days): today, the first day of the period
 * (today included) and of the period before it.
 */
const WINDOW = `(select d.today, d.today - ($2::int - 1) as p_start, d.today - (2 * $2::int - 1) as prev_start
                   from (select (now() at time zone 'UTC')::date as today) d) w`;
const CAMPAIGN = `($3::uuid is null or campaign_key = $3::uuid)`;

const zeros = (): Record<LeadStatus, number> => Object.fromEntries(LEAD_STATUSES.map((s) => [s, 0])) as Record<LeadStatus, number>;

/** The dashboard's lead figures: statuses now and when the period began, leads added, sources. Reads the two read models only. */
export async function leadStats(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof leadStatsV1>): Promise<ResponseOf<typeof leadStatsV1>> {
  const params = [meta.tenantId, input.days, input.campaignId ?? null];
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const nowRows: { status: LeadStatus; n: number }[] = await tx.query(
      `select status, sum(n)::int as n from lead.lead_counts where tenant_id = $1 and ($2::uuid is null or campaign_key = $2::uuid) group by status`,
      [meta.tenantId, input.campaignId ?? null],
    );
    const movedRows: { status: LeadStatus; n: number }[] = await tx.query(
      `select status, sum(entered - exited)::int as n from lead.lead_flows f, ${WINDOW} where tenant_id = $1 and ${CAMPAIGN} and day >= w.p_start group by status`,
      params,
    );
    const [c]: { period: number; previous: number; today: number; yesterday: number }[] = await tx.query(
      `select coalesce(sum(created) filter (where day >= w.p_start), 0)::int as period,
              coalesce(sum(created) filter (where day < w.p_start), 0)::int as previous,
              coalesce(sum(created) filter (where day = w.today), 0)::int as today,
              coalesce(sum(created) filter (where day = w.today - 1), 0)::int as yesterday
         from lead.lead_flows f, ${WINDOW} where tenant_id = $1 and ${CAMPAIGN} and day >= least(w.prev_start, w.today - 1)`,
      params,
    );
    const sourceRows: { source: string; today: number | null; created: number; qualified: number | null }[] = await tx.query(
      `select lead_source as source, sum(created) filter (where day = w.today)::int as today, sum(created)::int as created,
              sum(entered) filter (where status = 'qualified')::int as qualified
         from lead.lead_flows f, ${WINDOW} where tenant_id = $1 and ${CAMPAIGN} and day >= w.p_start group by 1`,
      params,
    );
    const now = zeros();
    for (const r of nowRows) if (r.status in now) now[r.status] = r.n;
    const atPeriodStart = { ...now };
    for (const r of movedRows) if (r.status in atPeriodStart) atPeriodStart[r.status] = Math.max(0, atPeriodStart[r.status] - r.n);
    return {
      days: input.days,
      now,
      atPeriodStart,
      created: { period: c!.period, previousPeriod: c!.previous, today: c!.today, yesterday: c!.yesterday },
      createdTodayBySource: sourceRows
        .filter((r) => (r.today ?? 0) > 0)
        .map((r) => ({ source: r.source, count: r.today ?? 0 }))
        .sort((a, b) => b.count - a.count || a.source.localeCompare(b.source)),
      sources: sourceRows
        .filter((r) => r.created > 0 || (r.qualified ?? 0) > 0)
        .map((r) => ({ source: r.source, created: r.created, qualified: r.qualified ?? 0 }))
        .sort((a, b) => b.created - a.created || b.qualified - a.qualified || a.source.localeCompare(b.source)),
    };
  });
}

/** Leads added and leads qualified per UTC day over the last `days` days (days with movement only). */
export async function leadDailyStats(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof leadDailyStatsV1>): Promise<ResponseOf<typeof leadDailyStatsV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const rows: { day: string; created: number; qualified: number }[] = await tx.query(
      `select to_char(day, 'YYYY-MM-DD') as day, sum(created)::int as created, coalesce(sum(entered) filter (where status = 'qualified'), 0)::int as qualified
         from lead.lead_flows f, ${WINDOW} where tenant_id = $1 and ${CAMPAIGN} and day >= w.p_start
        group by day having sum(created) > 0 or sum(entered) filter (where status = 'qualified') > 0 order by day`,
      [meta.tenantId, input.days, input.campaignId ?? null],
    );
    return { days: rows };
  });
}

/**
 * The latest moves into a notable status (through their partial index, whose
 * predicate this query repeats), and the names of the leads asked for. For an
 * agent, only leads assigned to them.
 */
export async function leadRecentStats(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof leadRecentStatsV1>): Promise<ResponseOf<typeof leadRecentStatsV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const owner = input.assignedUserId ?? null;
    const moves: { lead_id: string; contact_person: string; campaign_id: string | null; from: string; to: LeadStatus; actor_type: string; actor_name: string | null; occurred_at: Date }[] = await tx.query(
      `select a.lead_id, l.contact_person, l.campaign_id, a.details->>'from' as "from", a.details->>'to' as "to", a.actor_type, a.actor_name, a.occurred_at
         from (select * from lead.activities
                where tenant_id = $1 and kind = 'status_changed' and details->>'to' in ('qualified', 'callback_requested', 'human_input_needed', 'human_follow_up')
                  and ($3::uuid is null or lead_id in (select id from lead.leads where tenant_id = $1 and assigned_user_id = $3))
                order by occurred_at desc, id desc limit $2) a
         join lead.leads l on l.id = a.lead_id and l.deleted_at is null
        order by a.occurred_at desc, a.id desc`,
      [meta.tenantId, input.limit, owner],
    );
    const leads: { id: string; contact_person: string }[] = input.leadIds.length
      ? await tx.query(`select id, contact_person from lead.leads where tenant_id = $1 and id = any($2::uuid[]) and deleted_at is null and ($3::uuid is null or assigned_user_id = $3)`, [
          meta.tenantId,
          input.leadIds,
          owner,
        ])
      : [];
    return {
      moves: moves.map((m) => ({
        leadId: m.lead_id,
        contactPerson: m.contact_person,
        campaignId: m.campaign_id,
        from: m.from,
        to: m.to,
        actorType: m.actor_type,
        actorName: m.actor_name,
        at: m.occurred_at.toISOString(),
      })),
      leads: leads.map((l) => ({ id: l.id, contactPerson: l.contact_person })),
    };
  });
}
