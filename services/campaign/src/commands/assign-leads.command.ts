import {
  ASSIGN_MAX_IDS,
  bulkUpdateLeadsV1,
  campaignLeadsAssignedV1,
  leadIdsPageV1,
  type assignCampaignLeadsV1,
  type listCampaignLeadsV1,
  type ParsedRequestOf,
  type RequestMeta,
  type ResponseOf,
} from '@soraaya/contracts';
import { BadRequestError, ConflictError, NotFoundError, buildEnvelope, enqueueEvents, withTenant } from '@soraaya/service-kit';
import { findCampaign } from './campaign.commands';
import { origin, type CampaignDeps } from './deps';

const PAGE = 2000;
const EVENT_CHUNK = 1000;

type Result = ResponseOf<typeof assignCampaignLeadsV1>;

/**
 * Puts leads into a campaign, by ids or by a lead filter. A filter is resolved
 * through the lead service one page of ids at a time, so assigning 100,000
 * leads holds 2,000 ids in memory, never all of them. Each page marks the
 * leads with the campaign (lead service), records them here and announces
 * them, so re-running an interrupted assignment simply completes it.
 */
export async function assignLeads(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof assignCampaignLeadsV1>): Promise<Result> {
  const campaign = await withTenant(deps.ds, meta.tenantId, (tx) => findCampaign(tx, meta.tenantId, input.id));
  if (!campaign) throw new NotFoundError(`Campaign ${input.id} not found`);
  if (campaign.status === 'completed' || campaign.status === 'archived') throw new ConflictError(`Cannot add leads to a ${campaign.status} campaign`);
  const total: Result = { assigned: 0, alreadyInCampaign: 0, notFound: 0 };
  const add = (r: Result) => {
    total.assigned += r.assigned;
    total.alreadyInCampaign += r.alreadyInCampaign;
    total.notFound += r.notFound;
  };
  if (input.leadIds) {
    const ids = [...new Set(input.leadIds)];
    if (ids.length > ASSIGN_MAX_IDS) throw new BadRequestError(`At most ${ASSIGN_MAX_IDS} lead ids per request; use a filter for more`);
    for (let i = 0; i < ids.length; i += PAGE) add(await assignPage(deps, meta, campaign.id, campaign.status, campaign.priority, ids.slice(i, i + PAGE)));
    return total;
  }
  let cursor: string | undefined;
  do {
    const page = await deps.rpc.request(leadIdsPageV1, meta, { filters: input.filters ?? {}, pageSize: PAGE, ...(cursor ? { cursor } : {}) }, { timeoutMs: 30_000 });
    if (page.ids.length) add(await assignPage(deps, meta, campaign.id, campaign.status, campaign.priority, page.ids));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return total;
}

async function assignPage(deps: CampaignDeps, meta: RequestMeta, campaignId: string, status: string, priority: string, ids: string[]): Promise<Result> {
  const marked = await deps.rpc.request(bulkUpdateLeadsV1, meta, { ids, changes: { campaignId } }, { timeoutMs: 30_000 });
  const okIds = marked.okIds;
  const notFound = marked.failures.reduce((n, f) => n + f.ids.length, 0);
  if (!okIds.length) return { assigned: 0, alreadyInCampaign: 0, notFound };
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    // A lead belongs to one campaign at a time: leaving its old campaign is recorded there.
    await tx.query(
      `update campaign.campaign_leads set status = 'removed', updated_at = now()
        where tenant_id = $1 and lead_id = any($2::uuid[]) and campaign_id <> $3 and status <> 'removed'`,
      [meta.tenantId, okIds, campaignId],
    );
    const inserted: { lead_id: string }[] = await tx.query(
      `insert into campaign.campaign_leads (tenant_id, campaign_id, lead_id, status, priority)
       select $1, $2, unnest($3::uuid[]), 'pending', $4
       on conflict (campaign_id, lead_id) do update set status = 'pending', updated_at = now() where campaign_leads.status = 'removed'
       returning lead_id`,
      [meta.tenantId, campaignId, okIds, priority],
    );
    const newIds = inserted.map((r) => r.lead_id);
    const events = [];
    for (let i = 0; i < newIds.length; i += EVENT_CHUNK) {
      events.push({ subject: campaignLeadsAssignedV1.subject, envelope: buildEnvelope(campaignLeadsAssignedV1, origin(meta), { campaignId, leadIds: newIds.slice(i, i + EVENT_CHUNK), campaignStatus: status }) });
    }
    await enqueueEvents(tx, 'campaign', events);
    return { assigned: newIds.length, alreadyInCampaign: okIds.length - newIds.length, notFound };
  });
}

export async function listCampaignLeads(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof listCampaignLeadsV1>): Promise<ResponseOf<typeof listCampaignLeadsV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const campaign = await findCampaign(tx, meta.tenantId, input.id);
    if (!campaign) throw new NotFoundError(`Campaign ${input.id} not found`);
    const rows: { campaign_id: string; lead_id: string; status: never; priority: never; attempts: number; persona_id: string | null; assigned_at: Date }[] = await tx.query(
      `select campaign_id, lead_id, status, priority, attempts, persona_id, assigned_at from campaign.campaign_leads
        where tenant_id = $1 and campaign_id = $2 and ($3::text[] is null or status = any($3)) and ($4::uuid is null or lead_id > $4)
        order by lead_id limit $5`,
      [meta.tenantId, input.id, input.statuses ?? null, input.cursor ?? null, input.limit + 1],
    );
    const page = rows.slice(0, input.limit);
    return {
      items: page.map((r) => ({ campaignId: r.campaign_id, leadId: r.lead_id, status: r.status, priority: r.priority, attempts: r.attempts, personaId: r.persona_id, assignedAt: r.assigned_at.toISOString() })),
      nextCursor: rows.length > input.limit ? page.at(-1)!.lead_id : null,
    };
  });
}
