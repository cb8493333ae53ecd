import {
  campaignArchivedV1,
  campaignCreatedV1,
  campaignPausedV1,
  campaignResumedV1,
  campaignStartedV1,
  campaignStoppedV1,
  campaignUpdatedV1,
  campaignWritableSchema,
  type Campaign,
  type campaignActionV1,
  type CampaignWritable,
  type cloneCampaignV1,
  type createCampaignV1,
  type listCampaignsV1,
  type ParsedRequestOf,
  type RequestMeta,
  type ResponseOf,
  type updateCampaignV1,
} from '@soraaya/contracts';
import { ConflictError, NotFoundError, UnprocessableError, enqueueEvent, uuid7, validationError, withTenant } from '@soraaya/service-kit';
import type { EntityManager } from 'typeorm';
import { campaignTransition, isEditable, startBlockers } from '../domain/campaign-status.machine';
import { CAMPAIGN_SELECT, rowToCampaign, rowToPersona, type CampaignRow, type PersonaRow } from '../db/rows';
import { isUniqueViolation, origin, type CampaignDeps } from './deps';
import { findProperties } from './property.commands';

const duplicate = (name: string) => new ConflictError(`A campaign named "${name}" already exists`);

export async function findCampaign(tx: EntityManager, tenantId: string, id: string, forUpdate = false): Promise<Campaign | null> {
  const rows: CampaignRow[] = await tx.query(`select ${CAMPAIGN_SELECT} from campaign.campaigns c where c.tenant_id = $1 and c.id = $2 ${forUpdate ? 'for update' : ''}`, [tenantId, id]);
  return rows[0] ? rowToCampaign(rows[0]) : null;
}

async function mustFind(tx: EntityManager, tenantId: string, id: string, forUpdate = false): Promise<Campaign> {
  const c = await findCampaign(tx, tenantId, id, forUpdate);
  if (!c) throw new NotFoundError(`Campaign ${id} not found`);
  return c;
}

/** Personas and properties a campaign names must exist in the tenant. */
async function checkReferences(tx: EntityManager, tenantId: string, c: Pick<CampaignWritable, 'personas' | 'propertyIds'>): Promise<void> {
  const personaIds = c.personas.map((p) => p.personaId);
  const found: { id: string }[] = personaIds.length ? await tx.query(`select id from campaign.personas where tenant_id = $1 and id = any($2::uuid[])`, [tenantId, personaIds]) : [];
  const missingPersonas = personaIds.filter((id) => !found.some((f) => f.id === id));
  const properties = await findProperties(tx, tenantId, c.propertyIds);
  const missingProperties = c.propertyIds.filter((id) => !properties.some((p) => p.id === id));
  const issues = [...missingPersonas.map((id) => ({ path: 'personas', message: `persona ${id} does not exist` })), ...missingProperties.map((id) => ({ path: 'propertyIds', message: `property ${id} does not exist` }))];
  if (issues.length) throw new UnprocessableError(`Campaign refers to what does not exist: ${issues.map((i) => i.message).join('; ')}`, { issues });
}

export async function listCampaigns(deps: CampaignDeps, meta: RequestMeta, f: ParsedRequestOf<typeof listCampaignsV1>): Promise<ResponseOf<typeof listCampaignsV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const rows: CampaignRow[] = await tx.query(
      `select ${CAMPAIGN_SELECT} from campaign.campaigns c where c.tenant_id = $1 and ($2::text[] is null or c.status = any($2))
         and ($3::text is null or c.name ilike '%' || $3 || '%') order by c.created_at desc`,
      [meta.tenantId, f.statuses ?? null, f.search ?? null],
    );
    return { items: rows.map(rowToCampaign) };
  });
}

export async function getCampaign(deps: CampaignDeps, meta: RequestMeta, id: string): Promise<Campaign> {
  return withTenant(deps.ds, meta.tenantId, (tx) => mustFind(tx, meta.tenantId, id));
}

async function insertCampaign(tx: EntityManager, meta: RequestMeta, c: CampaignWritable): Promise<Campaign> {
  const id = uuid7();
  await tx.query(
    `insert into campaign.campaigns (id, tenant_id, name, description, start_date, end_date, type, priority, status, qualification_criteria,
       calling_policy, persona_variants, property_ids, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10, $11, $12, $13)`,
    [id, meta.tenantId, c.name, c.description ?? null, c.startDate ?? null, c.endDate ?? null, c.type, c.priority, JSON.stringify(c.qualificationCriteria), JSON.stringify(c.callingPolicy), JSON.stringify(c.personas), JSON.stringify(c.propertyIds), meta.actor.id],
  );
  const created = (await findCampaign(tx, meta.tenantId, id))!;
  await enqueueEvent(tx, 'campaign', campaignCreatedV1, origin(meta), { campaign: created, actor: meta.actor });
  return created;
}

export async function createCampaign(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof createCampaignV1>): Promise<Campaign> {
  try {
    return await withTenant(deps.ds, meta.tenantId, async (tx) => {
      await checkReferences(tx, meta.tenantId, input);
      return insertCampaign(tx, meta, input);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(input.name);
    throw err;
  }
}

export async function updateCampaign(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof updateCampaignV1>): Promise<Campaign> {
  try {
    return await withTenant(deps.ds, meta.tenantId, async (tx) => {
      const current = await mustFind(tx, meta.tenantId, input.id, true);
      if (current.version !== input.version) throw new ConflictError(`Campaign was changed by someone else (now version ${current.version}); reload it`, { currentVersion: current.version });
      if (!isEditable(current.status)) throw new ConflictError(`A ${current.status} campaign cannot be edited; pause it first`);
      const parsed = campaignWritableSchema.safeParse({ ...writableOf(current), ...input.changes });
      if (!parsed.success) throw validationError('campaign', parsed.error);
      const c = parsed.data;
      await checkReferences(tx, meta.tenantId, c);
      await tx.query(
        `update campaign.campaigns set name = $3, description = $4, start_date = $5, end_date = $6, type = $7, priority = $8, qualification_criteria = $9,
           calling_policy = $10, persona_variants = $11, property_ids = $12, updated_at = now(), version = version + 1
         where tenant_id = $1 and id = $2`,
        [meta.tenantId, input.id, c.name, c.description ?? null, c.startDate ?? null, c.endDate ?? null, c.type, c.priority, JSON.stringify(c.qualificationCriteria), JSON.stringify(c.callingPolicy), JSON.stringify(c.personas), JSON.stringify(c.propertyIds)],
      );
      const updated = (await findCampaign(tx, meta.tenantId, input.id))!;
      await enqueueEvent(tx, 'campaign', campaignUpdatedV1, origin(meta), { campaign: updated, changedFields: Object.keys(input.changes), actor: meta.actor });
      return updated;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(String(input.changes.name));
    throw err;
  }
}

/**
 * start, pause, resume, stop, archive. Starting or resuming checks the campaign
 * can run and announces everything the dialer needs; the others announce the halt.
 */
export async function campaignAction(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof campaignActionV1>, today = new Date().toISOString().slice(0, 10)): Promise<Campaign> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const current = await mustFind(tx, meta.tenantId, input.id, true);
    const move = campaignTransition(input.action, current.status);
    if (!move.ok) throw new ConflictError(move.reason, { status: current.status, action: input.action });
    const runnable = input.action === 'start' || input.action === 'resume';
    let personas: PersonaRow[] = [];
    if (runnable) {
      personas = await tx.query(`select * from campaign.personas where tenant_id = $1 and id = any($2::uuid[])`, [meta.tenantId, current.personas.map((p) => p.personaId)]);
      const blockers = startBlockers({
        leadCount: current.leadCount,
        activePersonaIds: personas.filter((p) => p.active).map((p) => p.id),
        variantPersonaIds: current.personas.map((p) => p.personaId),
        endDate: current.endDate,
        today,
      });
      if (blockers.length) throw new UnprocessableError(`Cannot ${input.action} "${current.name}": ${blockers.join('; ')}`, { reasons: blockers });
    }
    await tx.query(`update campaign.campaigns set status = $3, updated_at = now(), version = version + 1 where tenant_id = $1 and id = $2`, [meta.tenantId, input.id, move.to]);
    const updated = (await findCampaign(tx, meta.tenantId, input.id))!;
    if (runnable) {
      const data = { campaign: updated, personas: personas.filter((p) => p.active).map(rowToPersona), properties: await findProperties(tx, meta.tenantId, updated.propertyIds), actor: meta.actor };
      await enqueueEvent(tx, 'campaign', input.action === 'start' ? campaignStartedV1 : campaignResumedV1, origin(meta), data);
    } else {
      const def = input.action === 'pause' ? campaignPausedV1 : input.action === 'stop' ? campaignStoppedV1 : campaignArchivedV1;
      await enqueueEvent(tx, 'campaign', def, origin(meta), { campaignId: updated.id, status: updated.status, reason: input.reason ?? null, actor: meta.actor });
    }
    return updated;
  });
}

/** A draft copy with the same settings, personas and properties, and no leads. */
export async function cloneCampaign(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof cloneCampaignV1>): Promise<Campaign> {
  try {
    return await withTenant(deps.ds, meta.tenantId, async (tx) => {
      const source = await mustFind(tx, meta.tenantId, input.id);
      return insertCampaign(tx, meta, campaignWritableSchema.parse({ ...writableOf(source), name: input.name }));
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(input.name);
    throw err;
  }
}

function writableOf(c: Campaign): CampaignWritable {
  return {
    name: c.name,
    description: c.description,
    startDate: c.startDate,
    endDate: c.endDate,
    type: c.type,
    priority: c.priority,
    qualificationCriteria: c.qualificationCriteria,
    callingPolicy: c.callingPolicy,
    personas: c.personas,
    propertyIds: c.propertyIds,
  };
}

