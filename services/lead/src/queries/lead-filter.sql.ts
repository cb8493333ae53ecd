import type { LeadFilters } from '@soraaya/contracts';
import { searchPattern } from './lead-search';

/** A WHERE fragment and its parameters, numbered from a given offset. */
export interface SqlFilter {
  clauses: string[];
  params: unknown[];
}

/**
 * SQL for the list/export filters. `tenant_id` and `deleted_at is null` come
 * first so every partial index applies. Search matches substrings of a
 * lowercased name/email/phone/property/location column indexed with trigrams,
 * or, when the caller found the matches already, their ids (see lead-search.ts).
 */
export function leadFilterSql(tenantId: string, filters: LeadFilters, opts: { skipStatuses?: boolean; searchIds?: string[] } = {}): SqlFilter {
  const params: unknown[] = [tenantId];
  const clauses = ['tenant_id = $1', 'deleted_at is null'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (filters.statuses?.length && !opts.skipStatuses) {
    if (filters.statuses.length === 1) add((p) => `status = ${p}`, filters.statuses[0]);
    else add((p) => `status = any(${p}::text[])`, filters.statuses);
  }
  if (filters.priorities?.length) {
    if (filters.priorities.length === 1) add((p) => `priority = ${p}`, filters.priorities[0]);
    else add((p) => `priority = any(${p}::text[])`, filters.priorities);
  }
  if (filters.campaignId === 'none') clauses.push('campaign_id is null');
  else if (filters.campaignId) add((p) => `campaign_id = ${p}::uuid`, filters.campaignId);
  if (filters.importId) add((p) => `import_id = ${p}::uuid`, filters.importId);
  if (filters.assignedUserId === 'none') clauses.push('assigned_user_id is null');
  else if (filters.assignedUserId) add((p) => `assigned_user_id = ${p}::uuid`, filters.assignedUserId);
  if (opts.searchIds) add((p) => `id = any(${p}::uuid[])`, opts.searchIds);
  else if (filters.search) add((p) => `search_text like ${p}`, searchPattern(filters.search));
  if (filters.createdFrom) add((p) => `created_at >= ${p}::timestamptz`, filters.createdFrom);
  if (filters.createdTo) add((p) => `created_at < ${p}::timestamptz`, filters.createdTo);
  if (filters.scoreMin !== undefined) add((p) => `score >= ${p}`, filters.scoreMin);
  if (filters.scoreMax !== undefined) add((p) => `score <= ${p}`, filters.scoreMax);
  return { clauses, params };
}

/** Filters the per-status/priority/campaign counts table can answer exactly. */
export function countableFromCounts(filters: LeadFilters): boolean {
  return (
    !filters.search &&
    !filters.createdFrom &&
    !filters.createdTo &&
    filters.scoreMin === undefined &&
    filters.scoreMax === undefined &&
    !filters.importId &&
    !filters.assignedUserId
  );
}
