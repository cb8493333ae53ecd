import type { LeadFilters, LeadSort, ParsedRequestOf, RequestMeta, ResponseOf, listLeadsV1 } from '@soraaya/contracts';
import { withTenant } from '@soraaya/service-kit';
import type { EntityManager } from 'typeorm';
import { LEAD_SELECT, rowToLead, type LeadRow } from '../db/lead-row';
import type { LeadDeps } from '../commands/command-context';
import { countableFromCounts, leadFilterSql } from './lead-filter.sql';
import { decodeCursor, encodeCursor } from './lead-cursor';
import { SEARCH_ID_LIMIT, searchScope } from './lead-search';

const SORT_COLUMNS = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  score: 'score',
  contactPerson: 'contact_person',
  lastActivityAt: 'last_activity_at',
} as const;

/** Beyond this many matches an ad-hoc count stops and reports "10,000+" rather than scan on. */
export const COUNT_CAP = 10_000;

type LeadPage = ResponseOf<typeof listLeadsV1>;

export async function listLeads(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof listLeadsV1>): Promise<LeadPage> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const search = await searchScope(tx, input.filters);
    const page = await selectPage(tx, meta.tenantId, input.filters, input.sort, input.limit, input.cursor, search?.ids);
    const { total, exact } = await countLeads(tx, meta.tenantId, input.filters, search?.found);
    return { ...page, total, totalIsExact: exact };
  });
}

/**
 * One keyset page. With several statuses the query becomes a LATERAL per status,
 * each walking its (tenant, status, created_at desc, id desc) index and stopping
 * after `limit` rows, then merged: Postgres will not walk one index for
 * `status = any(...)` in created_at order by itself and would scan the table.
 */
export async function selectPage(
  tx: EntityManager,
  tenantId: string,
  filters: LeadFilters,
  sort: LeadSort,
  limit: number,
  cursor: string | undefined,
  searchIds?: string[],
): Promise<{ items: LeadPage['items']; nextCursor: string | null }> {
  const column = SORT_COLUMNS[sort.field];
  const dir = sort.direction === 'desc' ? 'desc' : 'asc';
  const lateral = (filters.statuses?.length ?? 0) > 1 && sort.field === 'createdAt';
  const { clauses, params } = leadFilterSql(tenantId, filters, { skipStatuses: lateral, searchIds });
  if (cursor) {
    const position = decodeCursor(cursor, sort);
    params.push(position.value, position.id);
    const cmp = dir === 'desc' ? '<' : '>';
    const cast = sort.field === 'score' ? '::int' : sort.field === 'contactPerson' ? '::text' : '::timestamptz';
    clauses.push(`(${column}, id) ${cmp} ($${params.length - 1}${cast}, $${params.length}::uuid)`);
  }
  params.push(limit + 1);
  const limitParam = `$${params.length}`;
  const order = `order by ${column} ${dir}, id ${dir}`;
  let sql: string;
  if (lateral) {
    params.push(filters.statuses);
    sql = `select l.* from unnest($${params.length}::text[]) as s(status)
           cross join lateral (
             select ${LEAD_SELECT} from lead.leads
              where ${clauses.join(' and ')} and lead.leads.status = s.status
              ${order} limit ${limitParam}
           ) l
           ${order} limit ${limitParam}`;
  } else {
    sql = `select ${LEAD_SELECT} from lead.leads where ${clauses.join(' and ')} ${order} limit ${limitParam}`;
  }
  const rows: LeadRow[] = await tx.query(sql, params);
  const items = rows.slice(0, limit).map(rowToLead);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor(sort, { value: last[sort.field] as string | number, id: last.id }) : null;
  return { items, nextCursor };
}

/**
 * Totals: from the counts read model when the filters allow, else a count that
 * stops at COUNT_CAP. With a search, the count runs over the matching ids found
 * (at most SEARCH_ID_LIMIT + 1 of them), so it is exact or a true lower bound
 * ("2,000+"): counting every match of a common word would cost more than the page.
 */
export async function countLeads(
  tx: EntityManager,
  tenantId: string,
  filters: LeadFilters,
  searchMatches?: string[],
): Promise<{ total: number; exact: boolean }> {
  if (searchMatches) {
    const ids = searchMatches.slice(0, SEARCH_ID_LIMIT);
    const { clauses, params } = leadFilterSql(tenantId, filters, { searchIds: ids });
    const rows: { n: number }[] = await tx.query(`select count(*)::int as n from lead.leads where ${clauses.join(' and ')}`, params);
    return { total: rows[0]?.n ?? 0, exact: searchMatches.length <= SEARCH_ID_LIMIT };
  }
  if (countableFromCounts(filters)) {
    const params: unknown[] = [tenantId];
    const clauses = ['tenant_id = $1'];
    if (filters.statuses?.length) {
      params.push(filters.statuses);
      clauses.push(`status = any($${params.length}::text[])`);
    }
    if (filters.priorities?.length) {
      params.push(filters.priorities);
      clauses.push(`priority = any($${params.length}::text[])`);
    }
    if (filters.campaignId) {
      params.push(filters.campaignId === 'none' ? '00000000-0000-0000-0000-000000000000' : filters.campaignId);
      clauses.push(`campaign_key = $${params.length}::uuid`);
    }
    const rows: { total: number | null }[] = await tx.query(`select sum(n)::bigint as total from lead.lead_counts where ${clauses.join(' and ')}`, params);
    return { total: rows[0]?.total ?? 0, exact: true };
  }
  const { clauses, params } = leadFilterSql(tenantId, filters);
  params.push(COUNT_CAP + 1);
  const rows: { n: number }[] = await tx.query(
    `select count(*)::int as n from (select 1 from lead.leads where ${clauses.join(' and ')} limit $${params.length}) capped`,
    params,
  );
  const n = rows[0]?.n ?? 0;
  return n > COUNT_CAP ? { total: COUNT_CAP, exact: false } : { total: n, exact: true };
}
