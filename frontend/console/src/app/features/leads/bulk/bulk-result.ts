import type { ResponseOf, assignCampaignLeadsV1, bulkUpdateLeadsV1 } from '@soraaya/contracts';
import { LEAD_STATUS_LABELS } from '../../../core/ui/labels';

/**
 * What a bulk action did, in words: "412 updated, 3 refused" and, for the
 * refused, the server's reason with the leads it concerns. Plain functions
 * (no Angular), tested in bulk-result.spec.ts.
 */
export type BulkUpdateResult = ResponseOf<typeof bulkUpdateLeadsV1>;
export type AssignResult = ResponseOf<typeof assignCampaignLeadsV1>;

export interface RefusedGroup {
  count: number;
  /** The server's reason, as it wrote it. */
  message: string;
  /** Names of the first few leads concerned (those the page knows). */
  names: string[];
  /** How many more than `names` lists. */
  more: number;
}

export interface BulkSummary {
  headline: string;
  tone: 'success' | 'warning' | 'danger';
  refused: RefusedGroup[];
}

const NAMES_SHOWN = 5;
const n = (x: number) => x.toLocaleString('en-IN');

/** One id's outcome, for actions the client runs lead by lead (delete). */
export interface IdOutcome {
  id: string;
  ok: boolean;
  message?: string;
}

/** Per-id outcomes in the bulk-update answer's shape: ok ids, failures grouped by reason. */
export function groupOutcomes(outcomes: readonly IdOutcome[]): BulkUpdateResult {
  const okIds: string[] = [];
  const byMessage = new Map<string, string[]>();
  for (const o of outcomes) {
    if (o.ok) okIds.push(o.id);
    else byMessage.set(o.message ?? 'Refused', [...(byMessage.get(o.message ?? 'Refused') ?? []), o.id]);
  }
  const failures = [...byMessage].map(([message, ids]) => ({ code: 'refused', message, ids }));
  return { updated: okIds.length, failed: outcomes.length - okIds.length, okIds, failures };
}

/**
 * "412 updated, 3 refused" with the reasons, largest group first. `verb` is the
 * past participle that fits the action ("updated", "deleted"); `names` maps ids
 * to the leads' names where the page knows them.
 */
export function bulkSummary(res: BulkUpdateResult, verb: string, names: ReadonlyMap<string, string> = new Map()): BulkSummary {
  const refused = [...res.failures]
    .sort((a, b) => b.ids.length - a.ids.length)
    .map((f): RefusedGroup => {
      const known = f.ids.map((id) => names.get(id)).filter((x): x is string => !!x);
      const shown = known.slice(0, NAMES_SHOWN);
      return { count: f.ids.length, message: readable(f.message), names: shown, more: f.ids.length - shown.length };
    });
  const done = res.updated ? `${n(res.updated)} ${verb}` : `None ${verb}`;
  const headline = res.failed ? `${done}, ${n(res.failed)} refused` : done;
  const tone = res.failed === 0 ? 'success' : res.updated === 0 ? 'danger' : 'warning';
  return { headline, tone, refused };
}

/** The campaign assignment's answer: "12 assigned to Mumbai Luxury Q4, 3 already in it, 1 not found". */
export function assignSummary(res: AssignResult, campaignName: string): BulkSummary {
  const parts = [`${n(res.assigned)} assigned to ${campaignName}`];
  if (res.alreadyInCampaign) parts.push(`${n(res.alreadyInCampaign)} already in it`);
  if (res.notFound) parts.push(`${n(res.notFound)} not found`);
  const refused: RefusedGroup[] = res.notFound ? [{ count: res.notFound, message: 'Lead not found (deleted meanwhile, or not yours to change)', names: [], more: res.notFound }] : [];
  return { headline: parts.join(', '), tone: res.notFound ? 'warning' : 'success', refused };
}

const STATUS_WORDS = new RegExp(`\\b(${Object.keys(LEAD_STATUS_LABELS).sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');

/** The server names statuses by their codes ("calling to not_interested"); people read their labels. */
export function readable(message: string): string {
  return message.replace(STATUS_WORDS, (code) => `“${LEAD_STATUS_LABELS[code as keyof typeof LEAD_STATUS_LABELS]}”`);
}

/** A refused group in one line: "3 · Cannot move from Qualified to To call — Aarav Mehta, Priya R and 1 more". */
export function refusedLine(g: RefusedGroup): string {
  const who = g.names.length ? ` — ${g.names.join(', ')}${g.more ? ` and ${n(g.more)} more` : ''}` : '';
  return `${n(g.count)} · ${g.message}${who}`;
}

/**
 * CSV exports fetched in pieces (selected ids, a bounded number per request)
 * joined into one file: the first piece's BOM and header row, every piece's rows.
 */
export function joinCsvChunks(chunks: readonly string[]): string {
  if (!chunks.length) return '';
  const [first, ...rest] = chunks;
  const body = rest.map((c) => {
    const text = c.charCodeAt(0) === 0xfeff ? c.slice(1) : c;
    const end = text.indexOf('\n');
    return end < 0 ? '' : text.slice(end + 1);
  });
  return [first!, ...body].join('');
}
