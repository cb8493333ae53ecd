import {
  getLeadV1,
  propertyWritableSchema,
  type createPropertyV1,
  type deletePropertyV1,
  type listPropertiesV1,
  type matchPropertiesV1,
  type ParsedRequestOf,
  type Property,
  type RequestMeta,
  type ResponseOf,
  type updatePropertyV1,
} from '@soraaya/contracts';
import { ConflictError, NotFoundError, queryRows, uuid7, validationError, withTenant } from '@soraaya/service-kit';
import type { EntityManager } from 'typeorm';
import { bestMatches } from '../domain/property-matching';
import { rowToProperty, type PropertyRow } from '../db/rows';
import { isUniqueViolation, type CampaignDeps } from './deps';

const duplicate = (name: string) => new ConflictError(`A property named "${name}" already exists`);

export async function findProperties(tx: EntityManager, tenantId: string, ids: string[]): Promise<Property[]> {
  if (!ids.length) return [];
  const rows: PropertyRow[] = await tx.query(`select * from campaign.properties where tenant_id = $1 and id = any($2::uuid[])`, [tenantId, ids]);
  const byId = new Map(rows.map((r) => [r.id, rowToProperty(r)]));
  return ids.map((id) => byId.get(id)).filter((p): p is Property => !!p);
}

export async function listProperties(deps: CampaignDeps, meta: RequestMeta, f: ParsedRequestOf<typeof listPropertiesV1>): Promise<ResponseOf<typeof listPropertiesV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const rows: PropertyRow[] = await tx.query(
      `select * from campaign.properties where tenant_id = $1
         and ($2::text[] is null or type = any($2)) and ($3::text[] is null or availability = any($3))
         and ($4::text is null or location ilike '%' || replace(replace($4, '%', '\\%'), '_', '\\_') || '%')
         and ($5::bigint is null or price_min_inr <= $5) and ($6::bigint is null or price_max_inr >= $6)
       order by name`,
      [meta.tenantId, f.types ?? null, f.availability ?? null, f.location ?? null, f.priceMaxInr ?? null, f.priceMinInr ?? null],
    );
    return { items: rows.map(rowToProperty) };
  });
}

export async function getProperty(deps: CampaignDeps, meta: RequestMeta, id: string): Promise<Property> {
  const [p] = await withTenant(deps.ds, meta.tenantId, (tx) => findProperties(tx, meta.tenantId, [id]));
  if (!p) throw new NotFoundError(`Property ${id} not found`);
  return p;
}

export async function createProperty(deps: CampaignDeps, meta: RequestMeta, p: ParsedRequestOf<typeof createPropertyV1>): Promise<Property> {
  try {
    return await withTenant(deps.ds, meta.tenantId, async (tx) => {
      const rows: PropertyRow[] = await tx.query(
        `insert into campaign.properties (id, tenant_id, name, type, location, price_min_inr, price_max_inr, amenities, specifications, availability)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *`,
        [uuid7(), meta.tenantId, p.name, p.type, p.location, p.priceMinInr, p.priceMaxInr, JSON.stringify(p.amenities), JSON.stringify(p.specifications), p.availability],
      );
      return rowToProperty(rows[0]!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(p.name);
    throw err;
  }
}

export async function updateProperty(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof updatePropertyV1>): Promise<Property> {
  try {
    return await withTenant(deps.ds, meta.tenantId, async (tx) => {
      const [current] = await findProperties(tx, meta.tenantId, [input.id]);
      if (!current) throw new NotFoundError(`Property ${input.id} not found`);
      if (current.version !== input.version) throw new ConflictError(`Property was changed by someone else (now version ${current.version}); reload it`, { currentVersion: current.version });
      const { id: _i, tenantId: _t, createdAt: _c, updatedAt: _u, version: _v, ...writable } = current;
      const parsed = propertyWritableSchema.safeParse({ ...writable, ...input.changes });
      if (!parsed.success) throw validationError('property', parsed.error);
      const p = parsed.data;
      const [row] = await queryRows<PropertyRow>(
        tx,
        `update campaign.properties set name = $3, type = $4, location = $5, price_min_inr = $6, price_max_inr = $7, amenities = $8,
           specifications = $9, availability = $10, updated_at = now(), version = version + 1
         where tenant_id = $1 and id = $2 returning *`,
        [meta.tenantId, input.id, p.name, p.type, p.location, p.priceMinInr, p.priceMaxInr, JSON.stringify(p.amenities), JSON.stringify(p.specifications), p.availability],
      );
      return rowToProperty(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(String(input.changes.name));
    throw err;
  }
}

export async function deleteProperty(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof deletePropertyV1>): Promise<ResponseOf<typeof deletePropertyV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const users: { name: string }[] = await tx.query(
      `select name from campaign.campaigns where tenant_id = $1 and property_ids @> $2::jsonb and status in ('active', 'paused')`,
      [meta.tenantId, JSON.stringify([input.id])],
    );
    if (users.length) throw new ConflictError(`Property is presented by running campaign ${users.map((u) => `"${u.name}"`).join(', ')}; mark it sold or reserved instead`);
    await tx.query(
      `update campaign.campaigns set property_ids = property_ids - $2::text, updated_at = now() where tenant_id = $1 and property_ids @> $3::jsonb`,
      [meta.tenantId, input.id, JSON.stringify([input.id])],
    );
    const rows = await queryRows(tx, `delete from campaign.properties where tenant_id = $1 and id = $2 returning id`, [meta.tenantId, input.id]);
    if (!rows.length) throw new NotFoundError(`Property ${input.id} not found`);
    return { id: input.id };
  });
}

/** The best available properties for a lead, with the reasons each matches. */
export async function matchProperties(deps: CampaignDeps, meta: RequestMeta, input: ParsedRequestOf<typeof matchPropertiesV1>): Promise<ResponseOf<typeof matchPropertiesV1>> {
  const { lead } = await deps.rpc.request(getLeadV1, meta, { id: input.leadId });
  const { items } = await listProperties(deps, meta, { availability: ['available', 'reserved'] });
  return { items: bestMatches(lead, items, input.limit) };
}
