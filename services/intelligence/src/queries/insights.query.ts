import type { z } from 'zod';
import type { conversationInsightsSchema, trendInsightsSchema } from '@soraaya/contracts';
import { withTenant } from '@soraaya/service-kit';
import type { DataSource, EntityManager } from 'typeorm';

type ConversationInsights = z.infer<typeof conversationInsightsSchema>;
type TrendInsights = z.infer<typeof trendInsightsSchema>;
export interface InsightWindow {
  days: number;
  campaignId?: string | undefined;
}

const EXAMPLES_PER_OBJECTION = 3;

/** `where` for a window over a table aliased `x` with the given time column; params $1 tenant, $2 days, $3 campaign or null. */
const scope = (time: string) => `x.tenant_id = $1 and x.${time} >= now() - make_interval(days => $2) and ($3::uuid is null or x.campaign_id = $3)`;
const params = (tenantId: string, w: InsightWindow) => [tenantId, w.days, w.campaignId ?? null];

async function counted(tx: EntityManager, sql: string, p: unknown[]): Promise<{ value: string; count: number }[]> {
  return (await tx.query(sql, p)).map((r: { value: string; count: number }) => ({ value: r.value, count: Number(r.count) }));
}

/** Common objections with quotes, what qualified calls shared, price sensitivity, timelines, amenities, locations. */
export async function conversationInsights(ds: DataSource, tenantId: string, w: InsightWindow): Promise<ConversationInsights> {
  const p = params(tenantId, w);
  const where = scope('call_started_at');
  return withTenant(ds, tenantId, async (tx) => {
    const [totals] = await tx.query(
      `select count(*)::int as analysed, count(*) filter (where outcome = 'qualified')::int as qualified,
              count(*) filter (where 'price' = any(objections))::int as price_objections,
              avg(score) filter (where outcome = 'qualified') as qualified_score,
              percentile_cont(0.5) within group (order by coalesce(budget_max_inr, budget_min_inr)) as median_budget
         from intel.analyses x where ${where}`,
      p,
    );
    const byCategory = await counted(tx, `select o as value, count(*)::int as count from intel.analyses x, unnest(x.objections) o where ${where} group by o order by count desc, o`, p);
    const quotes: { category: string; quote: string }[] = await tx.query(
      `select o->>'category' as category, o->>'quote' as quote
         from (select result from intel.analyses x where ${where} and cardinality(x.objections) > 0 order by x.call_started_at desc limit 300) recent,
              jsonb_array_elements(recent.result->'objections') o`,
      p,
    );
    const group = (col: string, extra = '') => counted(tx, `select ${col} as value, count(*)::int as count from intel.analyses x where ${where} ${extra} and ${col} is not null group by 1 order by 2 desc, 1 limit 10`, p);
    const unnested = (col: string, extra = '') => counted(tx, `select v as value, count(*)::int as count from intel.analyses x, unnest(x.${col}) v where ${where} ${extra} group by v order by 2 desc, 1 limit 10`, p);
    const qualifiedOnly = `and x.outcome = 'qualified'`;
    const bands = await counted(
      tx,
      `select band as value, count(*)::int as count from (
         select case when b < 20000000 then 'under 2 Cr' when b < 50000000 then '2–5 Cr' when b < 100000000 then '5–10 Cr' when b < 200000000 then '10–20 Cr' else '20 Cr and above' end as band
           from (select coalesce(x.budget_max_inr, x.budget_min_inr) as b from intel.analyses x where ${where}) s where b is not null) banded
        group by band order by min(case band when 'under 2 Cr' then 1 when '2–5 Cr' then 2 when '5–10 Cr' then 3 when '10–20 Cr' then 4 else 5 end)`,
      p,
    );
    const analysed = totals.analysed as number;
    return {
      days: w.days,
      campaignId: w.campaignId ?? null,
      analysedCalls: analysed,
      qualifiedCalls: totals.qualified,
      objections: byCategory.map((c) => ({
        category: c.value,
        count: c.count,
        share: analysed ? c.count / analysed : 0,
        examples: [...new Set(quotes.filter((q) => q.category === c.value).map((q) => q.quote))].slice(0, EXAMPLES_PER_OBJECTION),
      })),
      qualifiedCommon: {
        timelines: await group('timeline', qualifiedOnly),
        financing: await group(`x.result->>'financing'`, qualifiedOnly),
        propertyTypes: await group('property_type', qualifiedOnly),
        locations: await unnested('locations', qualifiedOnly),
        averageScore: totals.qualified_score === null ? null : Math.round(Number(totals.qualified_score) * 10) / 10,
      },
      priceSensitivity: { priceObjectionShare: analysed ? totals.price_objections / analysed : 0, budgetBands: bands, medianBudgetInr: totals.median_budget === null ? null : Number(totals.median_budget) },
      timelines: await group('timeline'),
      amenities: await unnested('amenities'),
      locations: await unnested('locations'),
    };
  });
}

/** Answer rate by weekday and hour (lead's clock), duration by outcome, sentiment per day, persona performance. */
export async function trendInsights(ds: DataSource, tenantId: string, w: InsightWindow): Promise<TrendInsights> {
  const p = params(tenantId, w);
  return withTenant(ds, tenantId, async (tx) => {
    const heat: { dow: number; hour: number; calls: number; answered: number }[] = await tx.query(
      `select local_dow as dow, local_hour as hour, count(*)::int as calls, count(*) filter (where call_outcome = 'answered')::int as answered
         from intel.transcripts x where ${scope('started_at')} group by 1, 2 order by 1, 2`,
      p,
    );
    const durations: { outcome: string; calls: number; avg: string }[] = await tx.query(
      `select coalesce(a.outcome, x.call_outcome) as outcome, count(*)::int as calls, avg(x.duration_seconds) as avg
         from intel.transcripts x left join intel.analyses a on a.call_id = x.call_id where ${scope('started_at')} group by 1 order by 2 desc`,
      p,
    );
    const sentiment: { day: string; positive: number; neutral: number; negative: number }[] = await tx.query(
      `select to_char(date_trunc('day', x.call_started_at at time zone 'UTC'), 'YYYY-MM-DD') as day,
              count(*) filter (where sentiment = 'positive')::int as positive, count(*) filter (where sentiment = 'neutral')::int as neutral,
              count(*) filter (where sentiment = 'negative')::int as negative
         from intel.analyses x where ${scope('call_started_at')} group by 1 order by 1`,
      p,
    );
    const personas: { persona_id: string | null; calls: number; analysed: number; qualified: number; avg_score: string | null }[] = await tx.query(
      `select x.persona_id, count(*)::int as calls, count(a.call_id)::int as analysed, count(*) filter (where a.outcome = 'qualified')::int as qualified, avg(a.score) as avg_score
         from intel.transcripts x left join intel.analyses a on a.call_id = x.call_id where ${scope('started_at')} group by 1 order by 2 desc`,
      p,
    );
    return {
      days: w.days,
      campaignId: w.campaignId ?? null,
      answerRateByHour: heat.map((h) => ({ ...h, rate: h.calls ? h.answered / h.calls : 0 })),
      durationByOutcome: durations.map((d) => ({ outcome: d.outcome, calls: d.calls, averageSeconds: Math.round(Number(d.avg) * 10) / 10 })),
      sentimentOverTime: sentiment,
      personas: personas.map((r) => ({
        personaId: r.persona_id,
        calls: r.calls,
        analysed: r.analysed,
        qualified: r.qualified,
        qualifiedRate: r.analysed ? r.qualified / r.analysed : 0,
        averageScore: r.avg_score === null ? null : Math.round(Number(r.avg_score) * 10) / 10,
      })),
    };
  });
}
