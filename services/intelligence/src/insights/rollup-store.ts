import type { CallAnalysis } from '@soraaya/contracts';
import { withTenant } from '@soraaya/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { NO_KEY, facetCounts } from '../domain/insight-rollups';

export interface StoredCall {
  tenantId: string;
  campaignId: string | null;
  personaId: string | null;
  /** ISO instant in UTC: its date is the rollup day. */
  startedAt: string;
  callOutcome: string;
  durationSeconds: number;
  localDow: number;
  localHour: number;
}

/** What calls add to the three rollups, keyed as their primary keys; merged by adding. */
export class RollupDeltas {
  readonly hours = new Map<string, { key: [string, string, number, number]; calls: number; answered: number }>();
  readonly outcomes = new Map<string, { key: [string, string, string, string, string]; calls: number; analysed: number; qualified: number; duration: number; score: number }>();
  readonly facets = new Map<string, { key: [string, string, boolean, string, string]; n: number }>();

  add(call: StoredCall, analysis: CallAnalysis | null): this {
    const day = call.startedAt.slice(0, 10);
    const campaignKey = call.campaignId ?? NO_KEY;
    const hk = [day, campaignKey, call.localDow, call.localHour] as [string, string, number, number];
    const h = this.hours.get(hk.join('|')) ?? { key: hk, calls: 0, answered: 0 };
    h.calls += 1;
    h.answered += call.callOutcome === 'answered' ? 1 : 0;
    this.hours.set(hk.join('|'), h);
    const ok = [day, campaignKey, call.personaId ?? NO_KEY, analysis?.outcome ?? call.callOutcome, analysis?.sentiment ?? 'none'] as [string, string, string, string, string];
    const o = this.outcomes.get(ok.join('|')) ?? { key: ok, calls: 0, analysed: 0, qualified: 0, duration: 0, score: 0 };
    o.calls += 1;
    o.analysed += analysis ? 1 : 0;
    o.qualified += analysis?.outcome === 'qualified' ? 1 : 0;
    o.duration += call.durationSeconds;
    o.score += analysis?.score ?? 0;
    this.outcomes.set(ok.join('|'), o);
    if (analysis) {
      for (const f of facetCounts(analysis)) {
        const fk = [day, campaignKey, analysis.outcome === 'qualified', f.facet, f.value] as [string, string, boolean, string, string];
        const e = this.facets.get(fk.join('|')) ?? { key: fk, n: 0 };
        e.n += f.n;
        this.facets.set(fk.join('|'), e);
      }
    }
    return this;
  }

  /** Adds everything to the stored rollups in three statements. */
  async apply(tx: EntityManager, tenantId: string): Promise<void> {
    const hours = [...this.hours.values()];
    if (hours.length)
      await tx.query(
        `insert into intel.rollup_hours (tenant_id, day, campaign_key, local_dow, local_hour, calls, answered)
         select $1, * from unnest($2::date[], $3::uuid[], $4::smallint[], $5::smallint[], $6::int[], $7::int[])
         on conflict (tenant_id, day, campaign_key, local_dow, local_hour) do update set calls = rollup_hours.calls + excluded.calls, answered = rollup_hours.answered + excluded.answered`,
        [tenantId, ...[0, 1, 2, 3].map((i) => hours.map((h) => h.key[i])), hours.map((h) => h.calls), hours.map((h) => h.answered)],
      );
    const outcomes = [...this.outcomes.values()];
    if (outcomes.length)
      await tx.query(
        `insert into intel.rollup_outcomes (tenant_id, day, campaign_key, persona_key, outcome, sentiment, calls, analysed, qualified, duration_sum, score_sum)
         select $1, * from unnest($2::date[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::numeric[], $11::bigint[])
         on conflict (tenant_id, day, campaign_key, persona_key, outcome, sentiment) do update set
           calls = rollup_outcomes.calls + excluded.calls, analysed = rollup_outcomes.analysed + excluded.analysed, qualified = rollup_outcomes.qualified + excluded.qualified,
           duration_sum = rollup_outcomes.duration_sum + excluded.duration_sum, score_sum = rollup_outcomes.score_sum + excluded.score_sum`,
        [tenantId, ...[0, 1, 2, 3, 4].map((i) => outcomes.map((o) => o.key[i])), ...(['calls', 'analysed', 'qualified', 'duration', 'score'] as const).map((k) => outcomes.map((o) => o[k]))],
      );
    const facets = [...this.facets.values()];
    if (facets.length)
      await tx.query(
        `insert into intel.rollup_facets (tenant_id, day, campaign_key, qualified, facet, value, n)
         select $1, * from unnest($2::date[], $3::uuid[], $4::boolean[], $5::text[], $6::text[], $7::bigint[])
         on conflict (tenant_id, day, campaign_key, qualified, facet, value) do update set n = rollup_facets.n + excluded.n`,
        [tenantId, ...[0, 1, 2, 3, 4].map((i) => facets.map((f) => f.key[i])), facets.map((f) => f.n)],
      );
  }
}

/** Adds one stored call (and its analysis) to the rollups, in the transaction that stores the call (once per call: the inbox). */
export async function addToRollups(tx: EntityManager, call: StoredCall, analysis: CallAnalysis | null): Promise<void> {
  await new RollupDeltas().add(call, analysis).apply(tx, call.tenantId);
}

const REBUILD_BATCH = 5000;

/**
 * Recomputes a tenant's rollups from the stored calls and analyses, with the
 * same rules as the live path: after a restore, a change to the facets, or a
 * bulk load (bench/insights). Returns the number of calls read.
 */
export async function rebuildRollups(ds: DataSource, tenantId: string): Promise<number> {
  const deltas = new RollupDeltas();
  let after = '00000000-0000-0000-0000-000000000000';
  let read = 0;
  for (;;) {
    const rows: { call_id: string; campaign_id: string | null; persona_id: string | null; started_at: Date; call_outcome: string; duration_seconds: string; local_dow: number; local_hour: number; result: CallAnalysis | null }[] =
      await withTenant(ds, tenantId, (tx) =>
        tx.query(
          `select t.call_id, t.campaign_id, t.persona_id, t.started_at, t.call_outcome, t.duration_seconds, t.local_dow, t.local_hour, a.result
             from intel.transcripts t left join intel.analyses a on a.call_id = t.call_id
            where t.tenant_id = $1 and t.call_id > $2 order by t.call_id limit $3`,
          [tenantId, after, REBUILD_BATCH],
        ),
      );
    for (const r of rows) {
      deltas.add(
        { tenantId, campaignId: r.campaign_id, personaId: r.persona_id, startedAt: r.started_at.toISOString(), callOutcome: r.call_outcome, durationSeconds: Number(r.duration_seconds), localDow: r.local_dow, localHour: r.local_hour },
        r.result,
      );
    }
    read += rows.length;
    if (rows.length < REBUILD_BATCH) break;
    after = rows.at(-1)!.call_id;
  }
  await withTenant(ds, tenantId, async (tx) => {
    for (const t of ['rollup_hours', 'rollup_outcomes', 'rollup_facets']) await tx.query(`delete from intel.${t} where tenant_id = $1`, [tenantId]);
    await deltas.apply(tx, tenantId);
  });
  return read;
}
