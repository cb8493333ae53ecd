import type { LeadFields } from './lead-fields';

/** Fields an import may fill on an existing lead. Identity (phone) and ownership (campaign, persona) never change by merge. */
export const MERGEABLE_FIELDS = [
  'email',
  'propertyName',
  'propertyType',
  'location',
  'priceRange',
  'priceMinInr',
  'priceMaxInr',
  'budgetMinInr',
  'budgetMaxInr',
  'purchaseTimeline',
  'financingStatus',
  'decisionMakerRole',
  'notes',
] as const satisfies readonly (keyof LeadFields)[];

/**
 * What a duplicate row adds to a lead: only fields the lead has empty. Nothing
 * filled is ever overwritten, so re-importing a file changes nothing.
 */
export function fillEmptyFields(existing: Partial<LeadFields>, incoming: Partial<LeadFields>): Partial<LeadFields> {
  const changes: Record<string, unknown> = {};
  for (const field of MERGEABLE_FIELDS) {
    const current = existing[field];
    const offered = incoming[field];
    if ((current === null || current === undefined || current === '') && offered !== null && offered !== undefined && offered !== '') {
      changes[field] = offered;
    }
  }
  // A price range arrives as text plus its parsed bounds; take all three or none.
  if ('priceRange' in changes) {
    changes.priceMinInr = incoming.priceMinInr ?? null;
    changes.priceMaxInr = incoming.priceMaxInr ?? null;
  } else {
    delete changes.priceMinInr;
    delete changes.priceMaxInr;
  }
  return changes as Partial<LeadFields>;
}
