import type { Campaign, campaignPerformanceSchema, RequestMeta } from '@soraaya/contracts';
import { NotFoundError, withTenant } from '@soraaya/service-kit';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { findCampaign } from '../commands/campaign.commands';
import type { CampaignDeps } from '../commands/deps';
import { CAMPAIGN_SELECT, rowToCampaign, type CampaignRow } from '../db/rows';
import { ZERO_COUNTERS, addCounters, figuresFrom, type StatCounters } from '../domain/performance-figures';

export const NO_PERSONA = '00000000-0000-0000-0000-000000000000';
type Performance = z.infer<typeof campaignPerformanceSchema>;

/** Figures of one campaign, in total and per persona variant, from the read model. */
async function performanceOf(tx: EntityManager, tenantId: string, campaign: Campaign): Promise<Performance> {
  const stats: {
    persona_key: string;
    dialed: number;
    connected: number;
    qualified: number;
    not_interested: number;
    follow_up: number;
    callbacks: number;
    human_needed: number;
    total_duration_seconds: number;
    cost_usd: number;
    updated_at: Date;
  }[] = await tx.query(`select * from campaign.campaign_stats where tenant_id = $1 and campaign_id = $2`, [tenantId, campaign.id]);
  const leads: { persona_id: string | null; n: number }[] = await tx.query(
    `select persona_id, count(*)::int as n from campaign.campaign_leads where tenant_id = $1 and campaign_id = $2 and status <> 'removed' group by persona_id`,
    [tenantId, campaign.id],
  );
  const byPersona = new Map<string, StatCounters>();
  const bump = (key: string, c: Partial<StatCounters>) => byPersona.set(key, addCounters(byPersona.get(key) ?? ZERO_COUNTERS, { ...ZERO_COUNTERS, ...c }));
  for (const s of stats) {
    bump(s.persona_key, {
      dialed: s.dialed,
      connected: s.connected,
      qualified: s.qualified,
      notInterested: s.not_interested,
      followUp: s.follow_up,
      callbacks: s.callbacks,
      humanNeeded: s.human_needed,
      totalDurationSeconds: s.total_duration_seconds,
      costUsd: s.cost_usd,
    });
  }
  for (const l of leads) bump(l.persona_id ?? NO_PERSONA, { leadsAssigned: l.n });
  const totals = [...byPersona.values()].reduce(addCounters, ZERO_COUNTERS);
  const weights = new Map(campaign.personas.map((p) => [p.personaId, p.weight]));
  const keys = new Set([...campaign.personas.map((p) => p.personaId), ...byPersona.keys()]);
  const variants = [...keys]
    .filter((k) => k !== NO_PERSONA || (byPersona.get(k)?.dialed ?? 0) > 0)
    .map((k) => ({ personaId: k === NO_PERSONA ? null : k, weight: weights.get(k) ?? null, figures: figuresFrom(byPersona.get(k) ?? ZERO_COUNTERS) }));
  const updated = stats.map((s) => s.updated_at.getTime());
  return {
    campaignId: campaign.id,
    name: campaign.name,
    status: campaign.status,
    totals: figuresFrom(totals),
    variants,
    updatedAt: updated.length ? new Date(Math.max(...updated)).toISOString() : null,
  };
}

export async function campaignPerformance(deps: CampaignDeps, meta: RequestMeta, id: string): Promise<Performance> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const campaign = await findCampaign(tx, meta.tenantId, id);
    if (!campaign) throw new NotFoundError(`Campaign ${id} not found`);
    return performanceOf(tx, meta.tenantId, campaign);
  });
}

/** Side by side: the campaigns asked for, or every non-archived one. */
export async function compareCampaigns(deps: CampaignDeps, meta: RequestMeta, ids: string[] | undefined): Promise<{ items: Performance[] }> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const rows: CampaignRow[] = await tx.query(
      `select ${CAMPAIGN_SELECT} from campaign.campaigns c where c.tenant_id = $1 and ($2::uuid[] is null or c.id = any($2)) and ($2::uuid[] is not null or c.status <> 'archived')
        order by c.created_at desc limit 20`,
      [meta.tenantId, ids ?? null],
    );
    if (ids && rows.length !== new Set(ids).size) throw new NotFoundError(`Campaign ${ids.find((id) => !rows.some((r) => r.id === id))} not found`);
    const items: Performance[] = [];
    for (const r of rows) items.push(await performanceOf(tx, meta.tenantId, rowToCampaign(r)));
    return { items };
  });
}
