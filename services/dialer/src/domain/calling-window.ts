import type { CallingPolicy } from '@soraaya/contracts';
import { localParts } from '@soraaya/service-kit';

export interface LegalWindow {
  /** HH:MM, local to the lead. The law's own hours; a campaign can narrow them, never widen. */
  start: string;
  end: string;
}

/** A campaign policy's day names as LocalParts weekdays (0 = Sunday). */
const WEEKDAY_INDEX: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** The instant a local wall-clock time happens in a zone (the later one when a DST change repeats it, the next valid one when it skips it). */
export function zonedInstant(zone: string, y: number, m: number, d: number, hh: number, mm: number): Date {
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = localParts(new Date(guess), zone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    const diff = wall - seen;
    if (diff === 0) break;
    guess += diff;
  }
  return new Date(guess);
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The effective local window: the campaign's, cut to the legal one. */
export function effectiveWindow(policy: Pick<CallingPolicy, 'windowStart' | 'windowEnd'>, legal: LegalWindow): { start: number; end: number } {
  return { start: Math.max(minutes(policy.windowStart), minutes(legal.start)), end: Math.min(minutes(policy.windowEnd), minutes(legal.end)) };
}

/** The zone whose clock the window is read on: the lead's own, or the campaign's when the policy says so. */
export function windowZone(policy: Pick<CallingPolicy, 'windowTimeZone' | 'campaignTimeZone'>, leadZone: string): string {
  return policy.windowTimeZone === 'campaign' ? policy.campaignTimeZone : leadZone;
}

export function isCallable(now: Date, zone: string, policy: Pick<CallingPolicy, 'days' | 'windowStart' | 'windowEnd'>, legal: LegalWindow): boolean {
  const p = localParts(now, zone);
  const w = effectiveWindow(policy, legal);
  const allowedDay = policy.days.some((d) => WEEKDAY_INDEX[d] === p.weekday);
  const at = p.hour * 60 + p.minute + p.second / 60;
  return allowedDay && w.start < w.end && at >= w.start && at < w.end;
}

/** The next instant (now if already inside) when a lead in `zone` may be called; null if never (empty window or no days). */
export function nextCallableAt(now: Date, zone: string, policy: Pick<CallingPolicy, 'days' | 'windowStart' | 'windowEnd'>, legal: LegalWindow): Date | null {
  if (isCallable(now, zone, policy, legal)) return now;
  const w = effectiveWindow(policy, legal);
  if (w.start >= w.end || policy.days.length === 0) return null;
  const today = localParts(now, zone);
  for (let offset = 0; offset <= 8; offset++) {
    // Walk calendar days in the zone: noon avoids DST edges when stepping.
    const noon = zonedInstant(zone, today.year, today.month, today.day + offset, 12, 0);
    const day = localParts(noon, zone);
    if (!policy.days.some((d) => WEEKDAY_INDEX[d] === day.weekday)) continue;
    const start = zonedInstant(zone, day.year, day.month, day.day, Math.floor(w.start / 60), w.start % 60);
    if (start.getTime() > now.getTime() && isCallable(start, zone, policy, legal)) return start;
  }
  return null;
}
