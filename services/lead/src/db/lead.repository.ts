import type { Activity, Actor, Lead, Note } from '@soraaya/contracts';
import { queryRows, uuid7 } from '@soraaya/service-kit';
import type { EntityManager } from 'typeorm';
import { FIELD_COLUMNS, JSON_FIELDS, LEAD_SELECT, rowToLead, type LeadRow } from './lead-row';

/** Reads and writes of lead rows. Always called inside `withTenant`, and still filters by tenant itself. */
export async function findLead(tx: EntityManager, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<Lead | null> {
  const rows: LeadRow[] = await tx.query(
    `select ${LEAD_SELECT} from lead.leads where tenant_id = $1 and id = $2 and deleted_at is null ${opts.forUpdate ? 'for update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? rowToLead(rows[0]) : null;
}

export async function findLiveLeadIdByPhone(tx: EntityManager, tenantId: string, phoneE164: string): Promise<string | null> {
  const rows: { id: string }[] = await tx.query(
    `select id from lead.leads where tenant_id = $1 and phone_e164 = $2 and deleted_at is null`,
    [tenantId, phoneE164],
  );
  return rows[0]?.id ?? null;
}

function encodeValue(field: string, value: unknown): unknown {
  return JSON_FIELDS.has(field) && value !== null && value !== undefined ? JSON.stringify(value) : value;
}

export async function insertLead(
  tx: EntityManager,
  values: Record<string, unknown> & { id: string; tenantId: string; createdBy: string; importId?: string | null },
): Promise<Lead> {
  const columns: string[] = ['id', 'tenant_id', 'created_by', 'import_id'];
  const params: unknown[] = [values.id, values.tenantId, values.createdBy, values.importId ?? null];
  for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
    if (values[field] === undefined) continue;
    columns.push(column);
    params.push(encodeValue(field, values[field]));
  }
  const rows: LeadRow[] = await tx.query(
    `insert into lead.leads (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning ${LEAD_SELECT}`,
    params,
  );
  return rowToLead(rows[0]!);
}

/** Applies field changes, bumping version and activity time. The caller has locked the row. */
export async function updateLeadColumns(
  tx: EntityManager,
  tenantId: string,
  id: string,
  changes: Record<string, unknown>,
  opts: { bumpVersion?: boolean } = {},
): Promise<Lead> {
  const sets: string[] = [];
  const params: unknown[] = [tenantId, id];
  for (const [field, value] of Object.entries(changes)) {
    const column = (FIELD_COLUMNS as Record<string, string>)[field];
    if (!column) throw new Error(`not a lead field: ${field}`);
    params.push(encodeValue(field, value));
    sets.push(`${column} = $${params.length}`);
  }
  if (opts.bumpVersion !== false) sets.push('version = version + 1');
  sets.push('updated_at = now()', 'last_activity_at = now()');
  const rows = await queryRows<LeadRow>(
    tx,
    `update lead.leads set ${sets.join(', ')} where tenant_id = $1 and id = $2 and deleted_at is null returning ${LEAD_SELECT}`,
    params,
  );
  return rowToLead(rows[0]!);
}

export interface ActivityInput {
  tenantId: string;
  leadId: string;
  kind: Activity['kind'];
  summary: string;
  actor: Actor;
  details?: Record<string, unknown>;
}

export async function recordActivities(tx: EntityManager, items: ActivityInput[]): Promise<void> {
  if (!items.length) return;
  await tx.query(
    `insert into lead.activities (id, tenant_id, lead_id, kind, summary, actor_type, actor_id, actor_name, details)
     select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])`,
    [
      items.map(() => uuid7()),
      items.map((i) => i.tenantId),
      items.map((i) => i.leadId),
      items.map((i) => i.kind),
      items.map((i) => i.summary),
      items.map((i) => i.actor.type),
      items.map((i) => i.actor.id),
      items.map((i) => i.actor.name ?? null),
      items.map((i) => JSON.stringify(i.details ?? {})),
    ],
  );
}

export async function listActivities(tx: EntityManager, tenantId: string, leadId: string, limit = 200): Promise<Activity[]> {
  const rows: {
    id: string;
    lead_id: string;
    kind: Activity['kind'];
    summary: string;
    actor_type: string;
    actor_id: string;
    actor_name: string | null;
    details: Record<string, unknown>;
    occurred_at: Date;
  }[] = await tx.query(
    `select id, lead_id, kind, summary, actor_type, actor_id, actor_name, details, occurred_at
       from lead.activities where tenant_id = $1 and lead_id = $2 order by occurred_at desc, id desc limit $3`,
    [tenantId, leadId, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    leadId: r.lead_id,
    kind: r.kind,
    summary: r.summary,
    actor: { type: r.actor_type, id: r.actor_id, name: r.actor_name },
    details: r.details,
    occurredAt: r.occurred_at.toISOString(),
  }));
}

export async function insertNote(tx: EntityManager, tenantId: string, leadId: string, body: string, actor: Actor): Promise<Note> {
  const rows: { id: string; created_at: Date }[] = await tx.query(
    `insert into lead.notes (id, tenant_id, lead_id, body, author_id, author_name) values ($1, $2, $3, $4, $5, $6) returning id, created_at`,
    [uuid7(), tenantId, leadId, body, actor.id, actor.name ?? null],
  );
  return { id: rows[0]!.id, leadId, body, authorId: actor.id, authorName: actor.name ?? null, createdAt: rows[0]!.created_at.toISOString() };
}

export async function listNotes(tx: EntityManager, tenantId: string, leadId: string, limit = 200): Promise<Note[]> {
  const rows: { id: string; body: string; author_id: string; author_name: string | null; created_at: Date }[] = await tx.query(
    `select id, body, author_id, author_name, created_at from lead.notes where tenant_id = $1 and lead_id = $2 order by created_at desc, id desc limit $3`,
    [tenantId, leadId, limit],
  );
  return rows.map((r) => ({ id: r.id, leadId, body: r.body, authorId: r.author_id, authorName: r.author_name, createdAt: r.created_at.toISOString() }));
}

export async function touchActivity(tx: EntityManager, tenantId: string, leadId: string): Promise<void> {
  await tx.query(`update lead.leads set last_activity_at = now() where tenant_id = $1 and id = $2`, [tenantId, leadId]);
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === '23505' && (!constraint || name === constraint);
}
