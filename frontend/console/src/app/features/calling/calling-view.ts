import type { Call, Campaign, callingStatusV1 } from '@soraaya/contracts';
import type { z } from 'zod';
import type { Tone } from '../../core/ui/labels';

/**
 * What the calling monitor shows, from GET /calling/status and the call events
 * of the live feed: plain functions (no Angular), tested on their own.
 */
export type CallingStatus = z.output<(typeof callingStatusV1)['response']>;
export type CampaignCounts = CallingStatus['campaigns'][number];
export type CallState = Call['state'];

export const CALL_STATE_LABELS: Record<CallState, string> = { queued: 'Queued', dialing: 'Dialing', ringing: 'Ringing', in_progress: 'Talking', ended: 'Ended' };
export const CALL_STATE_TONES: Record<CallState, Tone> = { queued: 'neutral', dialing: 'info', ringing: 'warning', in_progress: 'success', ended: 'muted' };
/** A call only moves forward: a later state always wins over an earlier one, whichever arrived last. */
const STATE_RANK: Record<CallState, number> = { queued: 0, dialing: 1, ringing: 2, in_progress: 3, ended: 4 };

/** The later of two views of one call. Equal states: the event (`b`) wins, it carries the newest figures. */
function later(a: Call, b: Call): Call {
  return STATE_RANK[b.state] >= STATE_RANK[a.state] ? b : a;
}

/** Every call we know of: the status answer with the live events laid over it. */
export function mergeCalls(base: readonly Call[], patches: ReadonlyMap<string, Call>): Call[] {
  const byId = new Map(base.map((c) => [c.id, c]));
  for (const [id, p] of patches) byId.set(id, byId.has(id) ? later(byId.get(id)!, p) : p);
  return [...byId.values()];
}

/** Calls not yet ended, longest-running first, so rows keep their places as new calls join below. */
export function liveCalls(all: readonly Call[]): Call[] {
  return all.filter((c) => c.state !== 'ended').sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The latest ended calls, newest first. */
export function endedCalls(all: readonly Call[], limit = 8): Call[] {
  return all
    .filter((c) => c.state === 'ended')
    .sort((a, b) => (b.endedAt ?? b.createdAt).localeCompare(a.endedAt ?? a.createdAt))
    .slice(0, limit);
}

/** The call a live event is about, when it is a call's move (`call.status_changed` carries the whole call). */
export function callOfEvent(ev: { topic: string; event: { type: string; data: unknown } } | null): Call | null {
  if (!ev || ev.event.type !== 'call.status_changed') return null;
  const call = (ev.event.data as { call?: Call } | null)?.call;
  return call && typeof call.id === 'string' && call.state in STATE_RANK ? call : null;
}

/**
 * After a fresh status answer: keep only the events it has not caught up with
 * (a later state than it has), and those about calls it does not list that are
 * no older than what it lists (it lists the latest 20 calls; an older one it
 * dropped is not news).
 */
export function prunePatches(patches: ReadonlyMap<string, Call>, base: readonly Call[]): Map<string, Call> {
  const byId = new Map(base.map((c) => [c.id, c]));
  const oldest = base.reduce<string | null>((min, c) => (min === null || c.createdAt < min ? c.createdAt : min), null);
  const out = new Map<string, Call>();
  for (const [id, p] of patches) {
    const known = byId.get(id);
    if (known ? STATE_RANK[p.state] > STATE_RANK[known.state] : oldest === null || p.createdAt >= oldest) out.set(id, p);
  }
  return out;
}

/** Seconds on the clock: talking time once answered, waiting time before. */
export function callSeconds(call: Pick<Call, 'startedAt' | 'createdAt' | 'endedAt' | 'durationSeconds'>, nowMs: number): number {
  if (call.durationSeconds !== null && call.endedAt) return Math.round(call.durationSeconds);
  const since = Date.parse(call.startedAt ?? call.createdAt);
  return Number.isNaN(since) ? 0 : Math.max(0, Math.floor((nowMs - since) / 1000));
}

/** A running clock: 0:07, 12:34, 1:02:03. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The same for a screen reader: "1 minute 5 seconds". */
export function clockWords(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const parts: string[] = [];
  const unit = (n: number, word: string) => n && parts.push(`${n} ${word}${n === 1 ? '' : 's'}`);
  unit(Math.floor(s / 3600), 'hour');
  unit(Math.floor((s % 3600) / 60), 'minute');
  unit(s % 60, 'second');
  return parts.length ? parts.join(' ') : '0 seconds';
}

export type CampaignControl = 'start' | 'stop' | null;

export interface CampaignRow {
  campaignId: string;
  name: string;
  status: string;
  statusTone: Tone;
  /** null: a draft, not in the dialer yet (no counters). */
  counts: Omit<CampaignCounts, 'campaignId' | 'name' | 'status'> | null;
  /** Lines in use as a share of the campaign's cap, 0..1. */
  load: number;
  loadLabel: string;
  control: CampaignControl;
}

const STATUS_TONES: Partial<Record<string, Tone>> = { active: 'success', paused: 'warning', draft: 'neutral', completed: 'info', archived: 'muted' };

/** Start a draft or paused campaign, stop (pause) an active one; nothing for those who may not control calling. */
export function controlOf(status: string, canControl: boolean): CampaignControl {
  if (!canControl) return null;
  if (status === 'active') return 'stop';
  return status === 'draft' || status === 'paused' ? 'start' : null;
}

/** Active and paused campaigns as the dialer counts them (active first), then drafts ready to start. */
export function campaignRows(counted: readonly CampaignCounts[], drafts: readonly Pick<Campaign, 'id' | 'name' | 'status'>[], canControl: boolean): CampaignRow[] {
  const rank = (s: string) => (s === 'active' ? 0 : s === 'paused' ? 1 : 2);
  const rows: CampaignRow[] = [...counted]
    .sort((a, b) => rank(a.status) - rank(b.status) || a.name.localeCompare(b.name))
    .map(({ campaignId, name, status, ...counts }) => ({
      campaignId,
      name,
      status,
      statusTone: STATUS_TONES[status] ?? 'neutral',
      counts,
      load: counts.maxConcurrentCalls ? Math.min(1, counts.activeCalls / counts.maxConcurrentCalls) : 0,
      loadLabel: `${counts.activeCalls} of ${counts.maxConcurrentCalls} lines in use`,
      control: controlOf(status, canControl),
    }));
  const listed = new Set(rows.map((r) => r.campaignId));
  for (const d of drafts) {
    if (d.status !== 'draft' || listed.has(d.id)) continue;
    rows.push({ campaignId: d.id, name: d.name, status: d.status, statusTone: 'neutral', counts: null, load: 0, loadLabel: 'Not calling yet', control: controlOf(d.status, canControl) });
  }
  return rows;
}

/** The figures above the tables. */
export function callingTotals(status: CallingStatus | null) {
  const campaigns = status?.campaigns ?? [];
  const sum = (k: 'queued' | 'dueNow' | 'callsToday') => campaigns.reduce((n, c) => n + c[k], 0);
  return {
    activeCalls: status?.activeCalls ?? 0,
    tenantCap: status?.tenantCap ?? null,
    calling: campaigns.filter((c) => c.status === 'active').length,
    queued: sum('queued'),
    dueNow: sum('dueNow'),
    callsToday: sum('callsToday'),
  };
}
