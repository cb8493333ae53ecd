import type { PerformanceReport, ReportFigures } from '@soraaya/contracts';

/** The longest range the gateway accepts, both ends included (libs/contracts REPORT_MAX_DAYS). */
export const MAX_REPORT_DAYS = 366;
const DAY_MS = 86_400_000;

const isoDay = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The last 30 days up to and including `today` (local calendar days). */
export function defaultRange(today: Date = new Date()): { from: string; to: string } {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
  return { from: isoDay(start), to: isoDay(today) };
}

/** Days from `from` to `to`, both included; NaN when either is not a date. */
export function rangeDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** What is wrong with the range in words, or null when the gateway will take it. */
export function rangeError(from: string, to: string): string | null {
  const re = /^\d{4}-\d{2}-\d{2}$/;
  if (!re.test(from) || Number.isNaN(Date.parse(`${from}T00:00:00Z`))) return 'Choose a start date.';
  if (!re.test(to) || Number.isNaN(Date.parse(`${to}T00:00:00Z`))) return 'Choose an end date.';
  const days = rangeDays(from, to);
  if (days < 1) return 'The end date must be on or after the start date.';
  if (days > MAX_REPORT_DAYS) return `A report covers at most ${MAX_REPORT_DAYS} days; this range covers ${days}.`;
  return null;
}

/** The file name from a Content-Disposition header (RFC 6266 `filename*` first), or the fallback. */
export function fileNameFrom(disposition: string | null | undefined, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return sanitize(decodeURIComponent(star[1].trim())) || fallback;
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/.exec(disposition);
  const name = plain ? (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2]?.trim()) : '';
  return sanitize(name ?? '') || fallback;
}

/** No folders in a saved name. */
const sanitize = (name: string): string => name.replace(/[/\\]/g, '_').trim();

const int = new Intl.NumberFormat('en-IN');
const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const usd = (v: number | null): string => (v === null ? '—' : `$${v.toFixed(2)}`);
const duration = (s: number | null): string => {
  if (s === null) return '—';
  const r = Math.round(s);
  return r < 60 ? `${r}s` : `${Math.floor(r / 60)}m ${String(r % 60).padStart(2, '0')}s`;
};

/** One table line, every cell formatted. */
export interface ReportLine {
  key: string;
  label: string;
  leads: string;
  dialed: string;
  connected: string;
  connectRate: string;
  qualified: string;
  qualificationRate: string;
  notInterested: string;
  callbacks: string;
  humanNeeded: string;
  averageCall: string;
  cost: string;
  costPerQualified: string;
}

export function formatFigures(f: ReportFigures, key: string, label: string): ReportLine {
  return {
    key,
    label,
    leads: int.format(f.leads),
    dialed: int.format(f.dialed),
    connected: int.format(f.connected),
    connectRate: pct(f.connectRate),
    qualified: int.format(f.qualified),
    qualificationRate: pct(f.qualificationRate),
    notInterested: int.format(f.notInterested),
    callbacks: int.format(f.callbacks),
    humanNeeded: int.format(f.humanNeeded),
    averageCall: duration(f.averageCallDurationSeconds),
    cost: usd(f.costUsd),
    costPerQualified: usd(f.costPerQualifiedLeadUsd),
  };
}

export const reportLines = (r: PerformanceReport): ReportLine[] => r.rows.map((row, i) => formatFigures(row, row.key ?? `none-${i}`, row.label));
export const totalsLine = (r: PerformanceReport): ReportLine | null => (r.totals ? formatFigures(r.totals, 'total', 'Total') : null);

/** Two bar charts' series: qualified leads and connect rate (in %) per group. */
export function reportBars(r: PerformanceReport): { qualified: { name: string; value: number }[]; connectRate: { name: string; value: number }[] } {
  return {
    qualified: r.rows.map((row) => ({ name: row.label, value: row.qualified })),
    connectRate: r.rows.filter((row) => row.connectRate !== null).map((row) => ({ name: row.label, value: Math.round((row.connectRate ?? 0) * 1000) / 10 })),
  };
}

const SERVICE_NAMES: Record<string, string> = { intelligence: 'call figures', campaign: 'campaign and persona names', lead: 'lead figures', calling: 'live calls', notification: 'notifications' };

/** The notice shown when some services did not answer in time, or null. */
export function partialNotice(partial: readonly string[]): string | null {
  if (!partial.length) return null;
  const what = partial.map((p) => SERVICE_NAMES[p] ?? p).join(', ');
  return `Some figures are missing: ${what} did not arrive in time. Try again in a moment.`;
}

/** Height of a horizontal bar chart of `groups` bars: axis room plus 40 px a bar, 160 to 520 px. */
export const chartHeight = (groups: number): number => Math.min(520, Math.max(160, 70 + groups * 40));
