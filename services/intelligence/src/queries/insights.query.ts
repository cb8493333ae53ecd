import type { conversationInsightsSchema, trendInsightsSchema } from '@soraaya/contracts';
import { withTenant } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { BUDGET_BANDS, NO_KEY, medianFromBuckets } from '../domain/insight-rollups';

type ConversationInsights = z.infer<typeof conversationInsightsSchema>;
type TrendInsights = z.infer<typeof trendInsightsSchema>;
export interface InsightWindow {
  days: number;
  campaignId?: string | undefined;
}

const EXAMPLES_PER_OBJECTION = 3;
const TOP = 10;

/** The last `days` calendar days (UTC), today included, for one tenant and optionally one campaign. Params: $1 tenant, $2 days, $3 campaign or null. */
export const ROLLUP_WINDOW = `tenant_id = $1 and day >= (now() at time zone 'UTC')::date - ($2::int - 1) and ($3::uuid is null or campaign_key = $3)`;
export const windowParams = (tenantId: string, w: InsightWindow) => [tenantId, w.days, w.campaignId ?? null];

type Counted = { value: string; count: number }[];
const top = (m: Map<string, number> | undefined, n = TOP): Counted =>
  [...(m ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([value, count]) => ({ value, count }));

/** Common objections with quotes, what qualified calls shared, price sensitivity, timelines, amenities, locations — from the facet rollup. */
export async function conversationInsights(ds: DataSource, tenantId: string, w: InsightWindow): Promise<ConversationInsights> {
  return withTenant(ds, tenantId, async (tx) => {
    const rows: { qualified: boolean; facet: string; value: string; n: string }[] = await tx.query(
      `select qualified, facet, value, sum(n) as n from intel.rollup_facets where ${ROLLUP_WINDOW} group by 1, 2, 3`,
      windowParams(tenantId, w),
    );
    const all = new Map<string, Map<string, number>>();
    const qualified = new Map<string, Map<string, number>>();
    for (const r of rows) {
      for (const target of r.qualified ? [all, qualified] : [all]) {
        const m = target.get(r.facet) ?? new Map<string, number>();
        m.set(r.value, (m.get(r.value) ?? 0) + Number(r.n));
        target.set(r.facet, m);
      }
    }
    const analysed = all.get('analysed')?.get('') ?? 0;
    const qualifiedCalls = qualified.get('analysed')?.get('') ?? 0;
    const objections = top(all.get('objection'), 20);
    // Quotes for the objections: the latest analyses that have any, through the (tenant, time) index.
    const quotes: { category: string; quote: string }[] = objections.length
      ? await tx.query(
          `select o->>'category' as category, o->>'quote' as quote
             from (select result from intel.analyses where tenant_id = $1 and call_started_at >= now() - make_interval(days => $2) and ($3::uuid is null or campaign_id = $3)
                      and cardinality(objections) > 0 order by call_started_at desc limit 200) recent,
                  jsonb_array_elements(recent.result->'objections') o`,
          windowParams(tenantId, w),
        )
      : [];
    const bandCounts = all.get('budget_band') ?? new Map<string, number>();
    return {
      days: w.days,
      campaignId: w.campaignId ?? null,
      analysedCalls: analysed,
      qualifiedCalls,
      objections: objections.map((o) => ({
        category: o.value,
        count: o.count,
        share: analysed ? o.count / analysed : 0,
        examples: [...new Set(quotes.filter((q) => q.category === o.value).map((q) => q.quote))].slice(0, EXAMPLES_PER_OBJECTION),
      })),
      qualifiedCommon: {
        timelines: top(qualified.get('timeline')),
        financing: top(qualified.get('financing')),
        propertyTypes: top(qualified.get('property_type')),
        locations: top(qualified.get('location')),
        averageScore: qualifiedCalls ? Math.round(((qualified.get('score')?.get('') ?? 0) / qualifiedCalls) * 10) / 10 : null,
      },
      priceSensitivity: {
        priceObjectionShare: analysed ? (all.get('objection')?.get('price') ?? 0) / analysed : 0,
        budgetBands: BUDGET_BANDS.filter((b) => bandCounts.has(b.label)).map((b) => ({ value: b.label, count: bandCounts.get(b.label)! })),
        medianBudgetInr: medianFromBuckets([...(all.get('budget_bucket') ?? new Map<string, number>())].map(([bucket, n]) => ({ bucket: Number(bucket), n }))),
      },
      timelines: top(all.get('timeline')),
      amenities: top(all.get('amenity')),
      locations: top(all.get('location')),
    };
  });
}

/** Answer rate by weekday and hour (lead's clock), duration by outcome, sentiment per day, persona performance — from the hour and outcome rollups. */
export async function trendInsights(ds: DataSource, tenantId: string, w: InsightWindow): Promise<TrendInsights> {
  const p = windowParams(tenantId, w);
  return withTenant(ds, tenantId, async (tx) => {
    const heat: { dow: number; hour: number; calls: number; answered: number }[] = await tx.query(
      `select local_dow as dow, local_hour as hour, sum(calls)::int as calls, sum(answered)::int as answered from intel.rollup_hours where ${ROLLUP_WINDOW} group by 1, 2 order by 1, 2`,
      p,
    );
    const outcomes: { day: string; persona_key: string; outcome: string; sentiment: string; calls: number; analysed: number; qualified: number; duration_sum: string; score_sum: string }[] = await tx.query(
      `select to_char(day, 'YYYY-MM-DD') as day, persona_key, outcome, sentiment, sum(calls)::int as calls, sum(analysed)::int as analysed, sum(qualified)::int as qualified,
              sum(duration_sum) as duration_sum, sum(score_sum) as score_sum
         from intel.rollup_outcomes where ${ROLLUP_WINDOW} group by 1, 2, 3, 4`,
      p,
    );
    const byOutcome = new Map<string, { calls: number; seconds: number }>();
    const byDay = new Map<string, { positive: number; neutral: number; negative: number }>();
    const byPersona = new Map<string, { calls: number; analysed: number; qualified: number; score: number }>();
    for (const r of outcomes) {
      const o = byOutcome.get(r.outcome) ?? { calls: 0, seconds: 0 };
      o.calls += r.calls;
      o.seconds += Number(r.duration_sum);
      byOutcome.set(r.outcome, o);
      if (r.sentiment === 'positive' || r.sentiment === 'neutral' || r.sentiment === 'negative') {
        const d = byDay.get(r.day) ?? { positive: 0, neutral: 0, negative: 0 };
        d[r.sentiment] += r.analysed;
        byDay.set(r.day, d);
      }
      const pe = byPersona.get(r.persona_key) ?? { calls: 0, analysed: 0, qualified: 0, score: 0 };
      pe.calls += r.calls;
      pe.analysed += r.analysed;
      pe.qualified += r.qualified;
      pe.score += Number(r.score_sum);
      byPersona.set(r.persona_key, pe);
    }
    return {
      days: w.days,
      campaignId: w.campaignId ?? null,
      answerRateByHour: heat.map((h) => ({ ...h, rate: h.calls ? h.answered / h.calls : 0 })),
      durationByOutcome: [...byOutcome]
        .sort((a, b) => b[1].calls - a[1].calls || a[0].localeCompare(b[0]))
        .map(([outcome, o]) => ({ outcome, calls: o.calls, averageSeconds: Math.round((o.seconds / o.calls) * 10) / 10 })),
      sentimentOverTime: [...byDay].sort((a, b) => a[0].localeCompare(b[0])).map(([day, d]) => ({ day, ...d })),
      personas: [...byPersona]
        .sort((a, b) => b[1].calls - a[1].calls)
        .map(([key, pe]) => ({
          personaId: key === NO_KEY ? null : key,
          calls: pe.calls,
          analysed: pe.analysed,
          qualified: pe.qualified,
          qualifiedRate: pe.analysed ? pe.qualified / pe.analysed : 0,
          averageScore: pe.analysed ? Math.round((pe.score / pe.analysed) * 10) / 10 : null,
        })),
    };
  });
}
