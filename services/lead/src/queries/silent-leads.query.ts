import type { ParsedRequestOf, RequestMeta, ResponseOf, silentLeadsV1 } from '@soraaya/contracts';
import { withTenant } from '@soraaya/service-kit';
import type { LeadDeps } from '../commands/command-context';
import { LEAD_SELECT, rowToLead, type LeadRow } from '../db/lead-row';
import { decodeCursor, encodeCursor } from './lead-cursor';

/** Statuses where silence is expected (the lead said no): never reported as silent. */
export const CLOSED_STATUSES = ['not_interested'] as const;

const SORT = { field: 'lastActivityAt', direction: 'asc' } as const;

/** Leads with no activity for `hours`, longest-silent first. */
export async function silentLeads(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof silentLeadsV1>): Promise<ResponseOf<typeof silentLeadsV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const params: unknown[] = [meta.tenantId, input.hours, CLOSED_STATUSES, input.limit + 1];
    let keyset = '';
    if (input.cursor) {
      const pos = decodeCursor(input.cursor, SORT);
      params.push(pos.value, pos.id);
      keyset = `and (last_activity_at, id) > ($5::timestamptz, $6::uuid)`;
    }
    const where = `tenant_id = $1 and deleted_at is null and last_activity_at < now() - make_interval(hours => $2) and status <> all($3::text[])`;
    const rows: LeadRow[] = await tx.query(
      `select ${LEAD_SELECT} from lead.leads where ${where} ${keyset} order by last_activity_at asc, id asc limit $4`,
      params,
    );
    const counted: { n: number }[] = await tx.query(
      `select count(*)::int as n from (select 1 from lead.leads where ${where} limit 10001) c`,
      params.slice(0, 3),
    );
    const items = rows.slice(0, input.limit).map(rowToLead);
    const last = items.at(-1);
    const n = counted[0]?.n ?? 0;
    return {
      items,
      nextCursor: rows.length > input.limit && last ? encodeCursor(SORT, { value: last.lastActivityAt, id: last.id }) : null,
      total: Math.min(n, 10_000),
      totalIsExact: n <= 10_000,
    };
  });
}
