import type { Actor } from '@soraaya/contracts';
import { uuid7 } from '@soraaya/service-kit';
import type { EntityManager } from 'typeorm';
import { scoreOf } from '../commands/command-context';
import { recordActivities, type ActivityInput } from '../db/lead.repository';
import type { RowGroup } from '../domain/import-dedup';
import type { LeadFields } from '../domain/lead-fields';
import { MERGEABLE_FIELDS, fillEmptyFields } from '../domain/lead-merge';
import { FIELD_COLUMNS } from '../db/lead-row';

export interface BatchContext {
  tenantId: string;
  importId: string;
  fileName: string;
  actor: Actor;
}

export interface BatchOutcome {
  created: number;
  merged: number;
  unchanged: number;
}

type ExistingLead = Partial<LeadFields> & { id: string; importId: string | null; lastContactedAt: string | null };

const MERGE_COLUMNS = MERGEABLE_FIELDS.map((f) => FIELD_COLUMNS[f]);
const SCORE_INPUT_COLUMNS = ['purchase_timeline', 'financing_status', 'lead_source', 'last_contacted_at'];

/**
 * Writes one batch of validated, in-batch-deduplicated rows: rows whose phone or
 * email matches a stored lead fill that lead's empty fields; the rest become new
 * leads. Runs inside the caller's tenant transaction with the batch's checkpoint.
 */
export async function applyImportBatch(tx: EntityManager, ctx: BatchContext, groups: RowGroup[]): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, merged: 0, unchanged: 0 };
  if (!groups.length) return outcome;
  const { byPhone, byEmail } = await lockExisting(tx, ctx.tenantId, groups);

  const toInsert: RowGroup[] = [];
  const touched = new Map<string, { lead: ExistingLead; filled: Set<string>; rows: number[] }>();
  for (const g of groups) {
    const existing = byPhone.get(g.fields.phoneE164) ?? (g.fields.email ? byEmail.get(g.fields.email) : undefined);
    const rowCount = 1 + g.duplicates.length;
    if (!existing) {
      toInsert.push(g);
      outcome.created += 1;
      outcome.merged += g.duplicates.length;
      continue;
    }
    const changes = fillEmptyFields(existing, g.fields);
    const keys = Object.keys(changes);
    if (keys.length) {
      Object.assign(existing, changes); // a second group matching the same lead sees the filled state
      const entry = touched.get(existing.id) ?? { lead: existing, filled: new Set<string>(), rows: [] };
      keys.forEach((k) => entry.filled.add(k));
      entry.rows.push(g.first.row, ...g.duplicates);
      touched.set(existing.id, entry);
      outcome.merged += rowCount;
    } else if (existing.importId === ctx.importId) {
      outcome.merged += rowCount; // duplicate of a row from an earlier batch of this same file
    } else {
      outcome.unchanged += rowCount; // already stored as-is: re-importing changes nothing
    }
  }

  const conflicts = await insertGroups(tx, ctx, toInsert);
  if (conflicts.length) {
    // A lead with this phone was created concurrently (API or another import) after our
    // lookup: fold these rows into it on a second pass instead of failing the batch.
    const again = await applyImportBatch(tx, ctx, conflicts);
    outcome.created -= conflicts.length;
    outcome.merged += again.created + again.merged + again.unchanged;
  }
  await updateMerged(tx, ctx, [...touched.values()]);
  return outcome;
}

async function lockExisting(tx: EntityManager, tenantId: string, groups: RowGroup[]) {
  const phones = groups.map((g) => g.fields.phoneE164);
  const emails = groups.map((g) => g.fields.email).filter((e): e is string => !!e);
  const columns = [...new Set([...MERGE_COLUMNS, ...SCORE_INPUT_COLUMNS, 'phone_e164'])];
  // Lock the matches (ordered by id, so concurrent imports cannot deadlock) while this batch merges into them.
  const rows: Record<string, unknown>[] = await tx.query(
    `select id, import_id, ${columns.join(', ')} from lead.leads
      where id in (
        select id from lead.leads where tenant_id = $1 and deleted_at is null and phone_e164 = any($2::text[])
        union
        select id from lead.leads where tenant_id = $1 and deleted_at is null and email = any($3::text[])
      )
      order by id for update`,
    [tenantId, phones, emails],
  );
  const byPhone = new Map<string, ExistingLead>();
  const byEmail = new Map<string, ExistingLead>();
  for (const r of rows) {
    const lead: ExistingLead = { id: r.id as string, importId: r.import_id as string | null, lastContactedAt: (r.last_contacted_at as Date | null)?.toISOString() ?? null };
    for (const field of [...MERGEABLE_FIELDS, 'leadSource', 'phoneE164'] as const) (lead as Record<string, unknown>)[field] = r[FIELD_COLUMNS[field]];
    byPhone.set(lead.phoneE164!, lead);
    if (lead.email && !byEmail.has(lead.email)) byEmail.set(lead.email, lead);
  }
  return { byPhone, byEmail };
}

const INSERT_COLUMNS: [string, string, (g: RowGroup, ctx: BatchContext, score: ReturnType<typeof scoreOf>) => unknown][] = [
  ['id', 'uuid', () => uuid7()],
  ['tenant_id', 'uuid', (_g, c) => c.tenantId],
  ['import_id', 'uuid', (_g, c) => c.importId],
  ['created_by', 'text', (_g, c) => c.actor.id],
  ['status', 'text', (g) => g.first.status],
  ['score', 'smallint', (_g, _c, s) => s.score],
  ['score_factors', 'jsonb', (_g, _c, s) => JSON.stringify(s.scoreFactors)],
  ...(
    [
      ['contactPerson', 'text'],
      ['phoneRaw', 'text'],
      ['phoneE164', 'text'],
      ['email', 'text'],
      ['propertyName', 'text'],
      ['propertyType', 'text'],
      ['location', 'text'],
      ['priceRange', 'text'],
      ['priceMinInr', 'bigint'],
      ['priceMaxInr', 'bigint'],
      ['priority', 'text'],
      ['leadSource', 'text'],
      ['timeZone', 'text'],
      ['budgetMinInr', 'bigint'],
      ['budgetMaxInr', 'bigint'],
      ['purchaseTimeline', 'text'],
      ['financingStatus', 'text'],
      ['decisionMakerRole', 'text'],
      ['notes', 'text'],
    ] as const
  ).map(([field, type]) => [FIELD_COLUMNS[field], type, (g: RowGroup) => g.fields[field] ?? null] as [string, string, (g: RowGroup) => unknown]),
];

/** Inserts new leads in one statement; returns the groups whose phone was taken meanwhile. */
async function insertGroups(tx: EntityManager, ctx: BatchContext, groups: RowGroup[]): Promise<RowGroup[]> {
  if (!groups.length) return [];
  const arrays: unknown[][] = INSERT_COLUMNS.map(() => new Array(groups.length));
  groups.forEach((g, i) => {
    const score = scoreOf(g.fields);
    INSERT_COLUMNS.forEach(([, , value], c) => (arrays[c]![i] = value(g, ctx, score)));
  });
  const inserted: { phone_e164: string }[] = await tx.query(
    `insert into lead.leads (${INSERT_COLUMNS.map(([col]) => col).join(', ')})
     select * from unnest(${INSERT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
     on conflict (tenant_id, phone_e164) where deleted_at is null do nothing
     returning phone_e164`,
    arrays,
  );
  if (inserted.length === groups.length) return [];
  const done = new Set(inserted.map((r) => r.phone_e164));
  return groups.filter((g) => !done.has(g.fields.phoneE164));
}

async function updateMerged(tx: EntityManager, ctx: BatchContext, entries: { lead: ExistingLead; filled: Set<string>; rows: number[] }[]): Promise<void> {
  if (!entries.length) return;
  const params: unknown[][] = [entries.map((e) => e.lead.id)];
  const sets: string[] = [];
  for (const field of MERGEABLE_FIELDS) {
    const column = FIELD_COLUMNS[field];
    params.push(entries.map((e) => (e.filled.has(field) ? (e.lead[field] ?? null) : null)));
    const type = column.endsWith('_inr') ? 'bigint' : 'text';
    sets.push(`${column} = coalesce(l.${column}, v.c${params.length - 1}::${type})`);
  }
  const scores = entries.map((e) => scoreOf({ ...e.lead, leadSource: e.lead.leadSource ?? 'csv_import' }));
  params.push(scores.map((s) => s.score), scores.map((s) => JSON.stringify(s.scoreFactors)));
  const n = params.length;
  // Every value array goes over as text[] and is cast per column in SQL: one shape for all.
  const textArrays = params.map((p, i) => (i === 0 ? p : p.map((x) => (x === null ? null : String(x)))));
  await tx.query(
    `update lead.leads l set ${sets.join(', ')}, score = v.c${n - 2}::smallint, score_factors = v.c${n - 1}::jsonb,
            version = l.version + 1, updated_at = now(), last_activity_at = now()
       from unnest(${params.map((_, i) => `$${i + 1}::${i === 0 ? 'uuid' : 'text'}[]`).join(', ')})
            as v(${params.map((_, i) => (i === 0 ? 'id' : `c${i}`)).join(', ')})
      where l.tenant_id = $${n + 1}::uuid and l.id = v.id`,
    [...textArrays, ctx.tenantId],
  );
  const activities: ActivityInput[] = entries.map((e) => ({
    tenantId: ctx.tenantId,
    leadId: e.lead.id,
    kind: 'merged',
    summary: `Merged from ${ctx.fileName} (row ${e.rows.join(', ')}): filled ${[...e.filled].filter((f) => !f.endsWith('Inr') || f.startsWith('budget')).join(', ')}`,
    actor: ctx.actor,
    details: { importId: ctx.importId, rows: e.rows, filled: [...e.filled] },
  }));
  await recordActivities(tx, activities);
}
