import type { LeadFilters } from '@soraaya/contracts';
import type { EntityManager } from 'typeorm';

/** Up to this many matches, a search reads its page from the matching ids; beyond, it walks the sort index. */
export const SEARCH_ID_LIMIT = 2000;

/** How a query narrows a free-text search: by the matching ids, or by LIKE while walking an index. */
export interface SearchScope {
  /** Ids of matching leads when the search is selective enough to list them all. */
  ids?: string[];
  /** The search matches many leads: filter with LIKE while walking the sort index. */
  walkIndex: boolean;
  /** Matching ids found, at most SEARCH_ID_LIMIT + 1 (for counts). */
  found: string[];
}

/** The LIKE pattern for a search term: phones match without their punctuation, % and _ are literal. */
export function searchPattern(search: string): string {
  const digits = search.replace(/[\s()-]/g, '');
  // "98200 12345" should find +919820012345: search phones without their punctuation too.
  const term = /^\+?\d{4,}$/.test(digits) ? digits : search.toLowerCase();
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Finds leads matching the search through the trigram index (see migration
 * SearchUnderRls: under row-level security Postgres will not use it for LIKE),
 * then decides how the page query should read them.
 */
export async function searchScope(tx: EntityManager, filters: LeadFilters): Promise<SearchScope | null> {
  if (!filters.search) return null;
  const rows: { id: string }[] = await tx.query(`select id from lead.search_lead_ids($1, $2) as id`, [searchPattern(filters.search), SEARCH_ID_LIMIT + 1]);
  const found = rows.map((r) => r.id);
  if (found.length <= SEARCH_ID_LIMIT) return { ids: found, walkIndex: false, found };
  // Many matches: they are dense, so walking the sort index and filtering finds a page
  // quickly; without these settings the planner misjudges LIKE and scans the table.
  await tx.query('set local enable_seqscan = off');
  await tx.query('set local enable_bitmapscan = off');
  await tx.query('set local max_parallel_workers_per_gather = 0');
  return { walkIndex: true, found };
}
