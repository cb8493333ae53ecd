import { EXPORT_COLUMNS, type exportLeadsPageV1, type ParsedRequestOf, type RequestMeta, type ResponseOf } from '@soraaya/contracts';
import { csvCell, csvLine, withTenant } from '@soraaya/service-kit';
import type { LeadDeps } from '../commands/command-context';
import { LEAD_SELECT, rowToLead, type LeadRow } from '../db/lead-row';
import { leadFilterSql } from './lead-filter.sql';
import { decodeCursor, encodeCursor } from './lead-cursor';
import { searchScope } from './lead-search';

const SORT = { field: 'createdAt', direction: 'desc' } as const;
/** Columns holding values we generated (ids, E.164, enums, numbers, dates): no formula guard needed. */
const TRUSTED = new Set(['id', 'phone_e164', 'status', 'priority', 'lead_source', 'timezone', 'score', 'campaign_id', 'callback_at', 'last_contacted_at', 'created_at', 'property_type']);

/** One page of the CSV export, newest first; the first page carries the header line. */
export async function exportLeadsPage(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof exportLeadsPageV1>): Promise<ResponseOf<typeof exportLeadsPageV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const search = await searchScope(tx, input.filters);
    const { clauses, params } = leadFilterSql(meta.tenantId, input.filters, { searchIds: search?.ids });
    if (input.ids) {
      params.push(input.ids);
      clauses.push(`id = any($${params.length}::uuid[])`);
    }
    if (input.cursor) {
      const pos = decodeCursor(input.cursor, SORT);
      params.push(pos.value, pos.id);
      clauses.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(input.pageSize + 1);
    const rows: LeadRow[] = await tx.query(
      `select ${LEAD_SELECT} from lead.leads where ${clauses.join(' and ')} order by created_at desc, id desc limit $${params.length}`,
      params,
    );
    const page = rows.slice(0, input.pageSize).map(rowToLead);
    let csv = input.cursor ? '' : csvLine([...EXPORT_COLUMNS]);
    for (const lead of page) {
      const values: Record<(typeof EXPORT_COLUMNS)[number], unknown> = {
        id: lead.id,
        contact_person: lead.contactPerson,
        phone_e164: lead.phoneE164,
        email: lead.email,
        property_name: lead.propertyName,
        property_type: lead.propertyType,
        location: lead.location,
        price_range: lead.priceRange,
        status: lead.status,
        priority: lead.priority,
        lead_source: lead.leadSource,
        timezone: lead.timeZone,
        score: lead.score,
        campaign_id: lead.campaignId,
        callback_at: lead.callbackAt,
        last_contacted_at: lead.lastContactedAt,
        created_at: lead.createdAt,
        notes: lead.notes,
      };
      csv += csvLine(EXPORT_COLUMNS.map((c) => csvCell(values[c], { trusted: TRUSTED.has(c) })));
    }
    const last = page.at(-1);
    return { csv, rows: page.length, nextCursor: rows.length > input.pageSize && last ? encodeCursor(SORT, { value: last.createdAt, id: last.id }) : null };
  });
}
