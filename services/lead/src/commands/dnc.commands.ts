import {
  leadDncChangedV1,
  type addDncV1,
  type checkDncV1,
  type DncEntry,
  type listDncV1,
  type ParsedRequestOf,
  type removeDncV1,
  type RequestMeta,
  type ResponseOf,
} from '@soraaya/contracts';
import { enqueueEvent, queryRows, withTenant } from '@soraaya/service-kit';
import type { EntityManager } from 'typeorm';
import { originOf, requestPhoneE164, type LeadDeps } from './command-context';

type DncRow = { phone_e164: string; reason: string | null; added_by: string; created_at: Date };
const toEntry = (r: DncRow): DncEntry => ({ phoneE164: r.phone_e164, reason: r.reason, addedBy: r.added_by, createdAt: r.created_at.toISOString() });

export async function addDnc(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof addDncV1>): Promise<DncEntry> {
  const phone = requestPhoneE164(deps, meta, input.phone);
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const inserted: DncRow[] = await tx.query(
      `insert into lead.dnc (tenant_id, phone_e164, reason, added_by) values ($1, $2, $3, $4)
       on conflict (tenant_id, phone_e164) do nothing returning phone_e164, reason, added_by, created_at`,
      [meta.tenantId, phone, input.reason ?? null, meta.actor.id],
    );
    if (inserted[0]) {
      await enqueueEvent(tx, 'lead', leadDncChangedV1, originOf(meta), { phoneE164: phone, blocked: true, reason: input.reason ?? null, actor: meta.actor });
      return toEntry(inserted[0]);
    }
    return toEntry((await findDnc(tx, meta.tenantId, phone))!); // already listed: adding twice is not an error
  });
}

export async function removeDnc(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof removeDncV1>): Promise<ResponseOf<typeof removeDncV1>> {
  const phone = requestPhoneE164(deps, meta, input.phone);
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const rows = await queryRows(tx, `delete from lead.dnc where tenant_id = $1 and phone_e164 = $2 returning phone_e164`, [meta.tenantId, phone]);
    if (rows.length) await enqueueEvent(tx, 'lead', leadDncChangedV1, originOf(meta), { phoneE164: phone, blocked: false, reason: null, actor: meta.actor });
    return { phoneE164: phone, removed: rows.length > 0 };
  });
}

export async function checkDnc(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof checkDncV1>): Promise<ResponseOf<typeof checkDncV1>> {
  const phone = requestPhoneE164(deps, meta, input.phone);
  const entry = await withTenant(deps.ds, meta.tenantId, (tx) => findDnc(tx, meta.tenantId, phone));
  return { phoneE164: phone, blocked: entry !== null, entry: entry ? toEntry(entry) : null };
}

export async function listDnc(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof listDncV1>): Promise<ResponseOf<typeof listDncV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const rows: DncRow[] = await tx.query(
      `select phone_e164, reason, added_by, created_at from lead.dnc
        where tenant_id = $1 and ($2::text is null or phone_e164 > $2) order by phone_e164 limit $3`,
      [meta.tenantId, input.cursor ?? null, input.limit + 1],
    );
    const page = rows.slice(0, input.limit);
    return { items: page.map(toEntry), nextCursor: rows.length > input.limit ? page.at(-1)!.phone_e164 : null };
  });
}

async function findDnc(tx: EntityManager, tenantId: string, phone: string): Promise<DncRow | null> {
  const rows: DncRow[] = await tx.query(`select phone_e164, reason, added_by, created_at from lead.dnc where tenant_id = $1 and phone_e164 = $2`, [tenantId, phone]);
  return rows[0] ?? null;
}
