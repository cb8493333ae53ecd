/**
 * Which leads a bulk action applies to: leads ticked one by one (across pages),
 * or every lead matching the current filters. Plain functions (no Angular),
 * tested in lead-selection.spec.ts.
 */

/** What the page keeps of a ticked lead: enough to name it in a result and to know its campaign. */
export interface PickedLead {
  id: string;
  contactPerson: string;
  campaignId: string | null;
}

export type LeadSelection =
  | { kind: 'none' }
  | { kind: 'picked'; leads: ReadonlyMap<string, PickedLead> }
  /** Every lead the filters match; `total` as the list counted it (a lower bound when not exact). */
  | { kind: 'matching'; total: number; exact: boolean };

export const NO_SELECTION: LeadSelection = { kind: 'none' };

/** bulk-update and campaign assignment take at most this many ids per request. */
export const BULK_MAX_IDS = 10_000;
/** Leads are deleted one request each (there is no bulk delete): a bound that stays well inside the rate limit. */
export const DELETE_MAX = 100;
/** Ids in one export URL (GET with ?ids=): ~37 characters each keeps the URL under 8 KB. */
export const EXPORT_IDS_PER_REQUEST = 200;

const picked = (leads: Map<string, PickedLead>): LeadSelection => (leads.size ? { kind: 'picked', leads } : NO_SELECTION);

export function isSelected(sel: LeadSelection, id: string): boolean {
  return sel.kind === 'matching' || (sel.kind === 'picked' && sel.leads.has(id));
}

/**
 * Ticks or unticks one lead. Unticking one while "all matching" is selected
 * falls back to this page's leads without it (as mail clients do): the rest of
 * the matching set has no ids on screen to keep.
 */
export function toggleLead(sel: LeadSelection, lead: PickedLead, pageRows: readonly PickedLead[]): LeadSelection {
  if (sel.kind === 'matching') return picked(new Map(pageRows.filter((r) => r.id !== lead.id).map((r) => [r.id, pick(r)])));
  const leads = new Map(sel.kind === 'picked' ? sel.leads : []);
  if (leads.has(lead.id)) leads.delete(lead.id);
  else leads.set(lead.id, pick(lead));
  return picked(leads);
}

/** The header checkbox: ticks every lead on this page, or unticks them when all already are. */
export function togglePage(sel: LeadSelection, pageRows: readonly PickedLead[]): LeadSelection {
  if (sel.kind === 'matching') return NO_SELECTION;
  const leads = new Map(sel.kind === 'picked' ? sel.leads : []);
  if (pageState(sel, pageRows) === 'all') for (const r of pageRows) leads.delete(r.id);
  else for (const r of pageRows) leads.set(r.id, pick(r));
  return picked(leads);
}

/** The header checkbox's look: checked, mixed or clear. */
export function pageState(sel: LeadSelection, pageRows: readonly PickedLead[]): 'all' | 'some' | 'none' {
  if (!pageRows.length || sel.kind === 'none') return 'none';
  if (sel.kind === 'matching') return 'all';
  const n = pageRows.filter((r) => sel.leads.has(r.id)).length;
  return n === 0 ? 'none' : n === pageRows.length ? 'all' : 'some';
}

export function selectedCount(sel: LeadSelection): number {
  return sel.kind === 'none' ? 0 : sel.kind === 'picked' ? sel.leads.size : sel.total;
}

/** "3 leads selected", "All 1,234 leads matching the filters are selected". */
export function selectionLabel(sel: LeadSelection): string {
  if (sel.kind === 'none') return 'No leads selected';
  if (sel.kind === 'picked') return `${leadsWord(sel.leads.size)} selected`;
  return `All ${sel.total.toLocaleString('en-IN')}${sel.exact ? '' : '+'} leads matching the filters are selected`;
}

/** The selection as the object of a sentence: "3 leads", "all 1,234 leads matching the filters". */
export function selectionWhat(sel: LeadSelection): string {
  if (sel.kind === 'matching') return `all ${sel.total.toLocaleString('en-IN')}${sel.exact ? '' : '+'} leads matching the filters`;
  return leadsWord(selectedCount(sel));
}

/** Offer "select all N matching" once the whole page is ticked and the filters match more than the page shows. */
export function offerSelectMatching(sel: LeadSelection, pageRows: readonly PickedLead[], total: number): boolean {
  return sel.kind === 'picked' && pageState(sel, pageRows) === 'all' && sel.leads.size === pageRows.length && total > pageRows.length;
}

/**
 * The one campaign the selection belongs to, for "start calling": every ticked
 * lead in the same campaign, or the campaign the filters name. Null otherwise,
 * with the reason in `why`.
 */
export function selectionCampaign(sel: LeadSelection, campaignFilter: string): { campaignId: string | null; why: string | null } {
  if (sel.kind === 'matching') {
    if (campaignFilter && campaignFilter !== 'none') return { campaignId: campaignFilter, why: null };
    return { campaignId: null, why: 'Filter by one campaign to start calling it' };
  }
  if (sel.kind === 'none') return { campaignId: null, why: 'Select leads first' };
  const ids = new Set([...sel.leads.values()].map((l) => l.campaignId));
  if (ids.size > 1) return { campaignId: null, why: 'The selected leads are in different campaigns' };
  const [only] = ids;
  return only ? { campaignId: only, why: null } : { campaignId: null, why: 'The selected leads are in no campaign: assign them to one first' };
}

/** Why an action cannot run on this selection (too many leads for it), or null. */
export function tooManyFor(action: 'update' | 'delete', sel: LeadSelection): string | null {
  const n = selectedCount(sel);
  const max = action === 'delete' ? DELETE_MAX : BULK_MAX_IDS;
  if (action === 'update' && sel.kind === 'matching' && !sel.exact) return `The filters match more than ${BULK_MAX_IDS.toLocaleString('en-IN')} leads; narrow them to change these at once`;
  if (n <= max) return null;
  return action === 'delete'
    ? `Delete works on up to ${max} leads at a time; select fewer`
    : `Changes apply to up to ${max.toLocaleString('en-IN')} leads at a time; narrow the filters`;
}

/** The ids in groups of `size`, for requests with a bound on ids. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function leadsWord(n: number): string {
  return `${n.toLocaleString('en-IN')} ${n === 1 ? 'lead' : 'leads'}`;
}

function pick(r: PickedLead): PickedLead {
  return { id: r.id, contactPerson: r.contactPerson, campaignId: r.campaignId };
}
