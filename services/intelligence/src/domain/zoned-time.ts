/**
 * Wall-clock arithmetic in an IANA zone with nothing but Intl, so offsets follow the zone's
 * DST rules on the day in question (London's BST, Los Angeles' PDT).
 */
import { localParts } from '@soraaya/service-kit';

/** Minutes the zone is ahead of UTC at that instant (+330 for India, +60 for BST). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time names in the zone. A time skipped by a spring-forward gap
 * resolves to the same clock reading after the jump (01:30 on London's change day → 02:30 BST);
 * a repeated autumn hour resolves to its first occurrence.
 */
export function zonedTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetMinutes(new Date(wall - 86_400_000 / 2), timeZone);
  const after = offsetMinutes(new Date(wall + 86_400_000 / 2), timeZone);
  // Try the earlier offset first (first occurrence of a repeated hour), then the later one.
  for (const off of [Math.max(before, after), Math.min(before, after)]) {
    const candidate = new Date(wall - off * 60_000);
    if (offsetMinutes(candidate, timeZone) === off) return candidate;
  }
  // In a gap neither offset reproduces the wall time: move forward by the jump.
  return new Date(wall - Math.min(before, after) * 60_000);
}

/** Adds whole days to a calendar date (no zone involved). */
export function addDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-11-21T18:00:00+05:30. */
export function formatInZone(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const off = offsetMinutes(instant, timeZone);
  const sign = off < 0 ? '-' : '+';
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}
