import type { leadIdsPageV1, ParsedRequestOf, RequestMeta, ResponseOf } from '@soraaya/contracts';
import { withTenant } from '@soraaya/service-kit';
import type { LeadDeps } from '../commands/command-context';
import { decodeCursor, encodeCursor } from './lead-cursor';
import { leadFilterSql } from './lead-filter.sql';
import { searchScope } from './lead-search';

const SORT = { field: 'createdAt', direction: 'desc' } as const;

/** Ids only, newest first, keyset-paged: lets another service walk any selection with bounded memory. */
export async function leadIdsPage(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof leadIdsPageV1>): Promise<ResponseOf<typeof leadIdsPageV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const search = await searchScope(tx, input.filters);
    const { clauses, params } = leadFilterSql(meta.tenantId, input.filters, { searchIds: search?.ids });
    if (input.cursor) {
      const pos = decodeCursor(input.cursor, SORT);
      params.push(pos.value, pos.id);
      clauses.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(input.pageSize + 1);
    const rows: { id: string; created_at: Date }[] = await tx.query(
      `select id, created_at from lead.leads where ${clauses.join(' and ')} order by created_at desc, id desc limit $${params.length}`,
      params,
    );
    const page = rows.slice(0, input.pageSize);
    const last = page.at(-1);
    return {
      ids: page.map((r) => r.id),
      nextCursor: rows.length > input.pageSize && last ? encodeCursor(SORT, { value: last.created_at.toISOString(), id: last.id }) : null,
    };
  });
}
