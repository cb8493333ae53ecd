import type { ImportCounts, ImportRowIssue, LeadImport } from '@soraaya/contracts';

/**
 * The import wizard's progress and result, from `GET /leads/imports/:id` and
 * the live feed's `lead.import.progress.v1` / `lead.import.completed.v1` events.
 * Plain functions (no Angular) with a jest spec.
 */

/** The server refuses larger uploads (gateway IMPORT_MAX_BYTES, 200 MB by default). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

export type ImportPhase = 'uploading' | 'queued' | 'running' | 'completed' | 'failed';

/** A file the wizard should refuse before uploading, in words; null when it may go. */
export function fileProblem(file: { name: string; size: number; type: string }, maxBytes = IMPORT_MAX_BYTES): string | null {
  if (!/\.(csv|txt)$/i.test(file.name) && !/csv|text\/plain|vnd\.ms-excel/.test(file.type)) {
    return `"${file.name}" is not a CSV file: export the sheet as CSV (UTF-8) and choose that`;
  }
  if (file.size === 0) return `"${file.name}" is empty`;
  if (file.size > maxBytes) return `"${file.name}" is ${megabytes(file.size)}; the limit is ${megabytes(maxBytes)}: split it into smaller files`;
  return null;
}

export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** 0–100 through the file, as the server has read it. A finished import is 100 whatever its byte count says. */
export function percentRead(job: Pick<LeadImport, 'status' | 'bytesRead' | 'totalBytes'>): number {
  if (job.status === 'completed' || job.status === 'failed') return 100;
  if (!job.totalBytes) return 0;
  return Math.min(100, Math.floor((job.bytesRead / job.totalBytes) * 100));
}

/** The event data of `lead.import.progress.v1` and `lead.import.completed.v1` (libs/contracts/src/lead/events). */
export interface ImportEventData {
  importId: string;
  bytesRead?: number;
  totalBytes?: number;
  status?: 'completed' | 'failed';
  counts: ImportCounts;
  error?: string | null;
}

/**
 * The job with a live event laid over it. Counts only grow, so an event older
 * than what we hold (they can cross a poll in flight) changes nothing.
 */
export function applyImportEvent(job: LeadImport, type: string, data: ImportEventData): LeadImport {
  // The topic also carries lead.import.requested, which has no counts.
  if ((type !== 'lead.import.progress' && type !== 'lead.import.completed') || !data?.counts || data.importId !== job.id) return job;
  if (job.status === 'completed' || job.status === 'failed') return job;
  if (data.counts.rowsRead < job.counts.rowsRead) return job;
  if (type === 'lead.import.completed') {
    return { ...job, status: data.status ?? 'completed', counts: data.counts, error: data.error ?? null, bytesRead: job.totalBytes };
  }
  return { ...job, status: 'running', counts: data.counts, bytesRead: Math.max(job.bytesRead, data.bytesRead ?? 0), totalBytes: data.totalBytes ?? job.totalBytes };
}

/** The newer of two views of one import (a poll answer and what events built). */
export function newerImport(a: LeadImport | null, b: LeadImport): LeadImport {
  if (!a || a.id !== b.id) return b;
  const rank = { queued: 0, running: 1, completed: 2, failed: 2 } as const;
  if (rank[b.status] !== rank[a.status]) return rank[b.status] > rank[a.status] ? b : a;
  // Same phase: the one that has read more; on a tie the fetched answer (b), which carries the issues.
  return b.counts.rowsRead >= a.counts.rowsRead ? b : a;
}

export interface CountTile {
  key: keyof ImportCounts;
  label: string;
  value: number;
  /** What the number means, for the screen reader and the tooltip. */
  hint: string;
  tone: 'neutral' | 'success' | 'info' | 'warning' | 'danger';
}

/** The result's counts in reading order. */
export function countTiles(c: ImportCounts): CountTile[] {
  return [
    { key: 'rowsRead', label: 'Rows read', value: c.rowsRead, hint: 'data rows in the file, header not counted', tone: 'neutral' },
    { key: 'created', label: 'Created', value: c.created, hint: 'new leads', tone: 'success' },
    { key: 'merged', label: 'Merged', value: c.merged, hint: 'rows that matched an existing lead by phone or email and filled its empty fields', tone: 'info' },
    { key: 'unchanged', label: 'Unchanged', value: c.unchanged, hint: 'rows that matched a lead and added nothing new', tone: 'neutral' },
    { key: 'rejected', label: 'Rejected', value: c.rejected, hint: 'rows not imported; see the errors below', tone: c.rejected ? 'danger' : 'neutral' },
    { key: 'warnings', label: 'Warnings', value: c.warnings, hint: 'rows imported with something to check', tone: c.warnings ? 'warning' : 'neutral' },
  ];
}

/** One sentence for the result's heading and for screen readers. */
export function importHeadline(job: Pick<LeadImport, 'status' | 'counts' | 'error' | 'fileName'>): string {
  if (job.status === 'failed') return `The import of ${job.fileName} failed: ${job.error ?? 'no reason given'}`;
  const c = job.counts;
  const parts = [`${c.created} created`, `${c.merged} merged`];
  if (c.unchanged) parts.push(`${c.unchanged} unchanged`);
  parts.push(`${c.rejected} rejected`);
  return `${plural(c.rowsRead, 'row')} read: ${parts.join(', ')}${c.warnings ? `; ${plural(c.warnings, 'warning')}` : ''}`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-IN')} ${word}${n === 1 ? '' : 's'}`;
}

/** Errors first, then warnings, each by row: the order a person fixes a file in. */
export function sortIssues(issues: readonly ImportRowIssue[]): ImportRowIssue[] {
  return [...issues].sort((a, b) => (a.severity === b.severity ? a.row - b.row : a.severity === 'error' ? -1 : 1));
}

/** The per-row report as a CSV file (UTF-8 with BOM, so a spreadsheet reads ₹ and names in any script). */
export function issuesCsv(issues: readonly ImportRowIssue[]): string {
  const lines = [['row', 'column', 'severity', 'message'], ...sortIssues(issues).map((i) => [String(i.row), i.column ?? '', i.severity, i.message])];
  return '\ufeff' + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A cell a spreadsheet shows as text: quoted when it holds a separator, quote or
 * line break; text that would run as a formula (=, +, -, @) gets a leading quote.
 * Row numbers are the only cells trusted as they are.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) && !/^\d+$/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
