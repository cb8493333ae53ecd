import { personaWritableSchema, type createPersonaV1, type deletePersonaV1, type listPersonasV1, type ParsedRequestOf, type Persona, type RequestMeta, type ResponseOf, type updatePersonaV1 } from '@soraaya/contracts';
import { BadRequestError, ConflictError, NotFoundError, queryRows, uuid7, withTenant } from '@soraaya/service-kit';
import type { EntityManager } from 'typeorm';
import { templateProblems } from '../domain/script-template';
import { rowToPersona, type PersonaRow } from '../db/rows';
import { isUniqueViolation, type CampaignDeps } from './deps';

function checkTemplates(p: { firstMessage?: string; scriptTemplate?: string }): void {
  const issues = [
    ...(p.firstMessage ? templateProblems(p.firstMessage).map((m) => ({ path: 'firstMessage', message: m })) : []),
    ...(p.scriptTemplate ? templateProblems(p.scriptTemplate).map((m) => ({ path: 'scriptTemplate', message: m })) : []),
  ];
  if (issues.length) throw new BadRequestError(`Invalid persona: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

const duplicate = (name: string) => new ConflictError(`A persona named "${name}" already exists`);

export async function findPersona(tx: EntityManager, tenantId: string, id: string): Promise<Persona | null> {
  const rows: PersonaRow[] = await tx.query(`select * from campaign.personas where tenant_id = $1 and id = $2`, [tenantId, id]);
  return rows[0] ? rowToPersona(rows[0]) : null;
}

export async function listPersonas(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof listPersonasV1>): Promise<ResponseOf<typeof listPersonasV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const rows: PersonaRow[] = await tx.query(`select * from campaign.personas where tenant_id = $1 and ($2::boolean is not true or active) order by name`, [meta.tenantId, input.activeOnly ?? null]);
    return { items: rows.map(rowToPersona) };
  });
}

export async function createPersona(deps: CampaignDeps, meta: RequestMeta, p: ParsedRequestOf<typeof createPersonaV1>): Promise<Persona> {
  checkTemplates(p);
  try {
    return await withTenant(deps.ds, meta.tenantId, async (tx) => {
      const rows: PersonaRow[] = await tx.query(
        `insert into campaign.personas (id, tenant_id, name, region, accent, communication_style, voice_provider, voice_id, personality_traits,
           market_knowledge, first_message, script_template, escalation_triggers, active)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning *`,
        [uuid7(), meta.tenantId, p.name, p.region, p.accent, p.communicationStyle, p.voiceProvider, p.voiceId, JSON.stringify(p.personalityTraits), p.marketKnowledge ?? null, p.firstMessage, p.scriptTemplate, JSON.stringify(p.escalationTriggers), p.active],
      );
      return rowToPersona(rows[0]!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(p.name);
    throw err;
  }
}

export async function updatePersona(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof updatePersonaV1>): Promise<Persona> {
  try {
    return await withTenant(deps.ds, meta.tenantId, async (tx) => {
      const current = await findPersona(tx, meta.tenantId, input.id);
      if (!current) throw new NotFoundError(`Persona ${input.id} not found`);
      if (current.version !== input.version) throw new ConflictError(`Persona was changed by someone else (now version ${current.version}); reload it`, { currentVersion: current.version });
      // The stored persona with the changes laid over it, validated whole.
      const merged = personaWritableSchema.parse({ ...toWritable(current), ...input.changes });
      checkTemplates(merged);
      const [row] = await queryRows<PersonaRow>(
        tx,
        `update campaign.personas set name = $3, region = $4, accent = $5, communication_style = $6, voice_provider = $7, voice_id = $8,
           personality_traits = $9, market_knowledge = $10, first_message = $11, script_template = $12, escalation_triggers = $13, active = $14,
           updated_at = now(), version = version + 1
         where tenant_id = $1 and id = $2 returning *`,
        [meta.tenantId, input.id, merged.name, merged.region, merged.accent, merged.communicationStyle, merged.voiceProvider, merged.voiceId, JSON.stringify(merged.personalityTraits), merged.marketKnowledge ?? null, merged.firstMessage, merged.scriptTemplate, JSON.stringify(merged.escalationTriggers), merged.active],
      );
      return rowToPersona(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(String(input.changes.name));
    throw err;
  }
}

/** Deletes a persona no campaign uses; one in use must be deactivated instead. */
export async function deletePersona(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof deletePersonaV1>): Promise<ResponseOf<typeof deletePersonaV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const users: { name: string }[] = await tx.query(
      `select name from campaign.campaigns where tenant_id = $1 and persona_variants @> $2::jsonb and status <> 'archived'`,
      [meta.tenantId, JSON.stringify([{ personaId: input.id }])],
    );
    if (users.length) throw new ConflictError(`Persona is used by campaign ${users.map((u) => `"${u.name}"`).join(', ')}; deactivate it instead`);
    const rows = await queryRows(tx, `delete from campaign.personas where tenant_id = $1 and id = $2 returning id`, [meta.tenantId, input.id]);
    if (!rows.length) throw new NotFoundError(`Persona ${input.id} not found`);
    return { id: input.id };
  });
}

function toWritable(p: Persona) {
  const { id: _i, tenantId: _t, createdAt: _c, updatedAt: _u, version: _v, ...rest } = p;
  return rest;
}
