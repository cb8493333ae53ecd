import type { PerformanceReport, ReportFigures } from '@soraaya/contracts';
import { csvCell, csvLine } from '@soraaya/service-kit';

type Row = PerformanceReport['rows'][number];

/** The figure columns, as in the JSON rows; numbers unformatted (ratios 0–1, seconds, US dollars), empty where null. */
export const REPORT_CSV_FIGURES: readonly [string, keyof ReportFigures][] = [
  ['leads', 'leads'],
  ['calls_dialed', 'dialed'],
  ['connected', 'connected'],
  ['connect_rate', 'connectRate'],
  ['qualified', 'qualified'],
  ['qualification_rate', 'qualificationRate'],
  ['not_interested', 'notInterested'],
  ['callbacks', 'callbacks'],
  ['human_needed', 'humanNeeded'],
  ['average_call_duration_seconds', 'averageCallDurationSeconds'],
  ['cost_usd', 'costUsd'],
  ['cost_per_qualified_lead_usd', 'costPerQualifiedLeadUsd'],
];

/** `row` tells a group from the totals line; `group_id` is the campaign or persona id (empty for a source, or no campaign/persona). */
export const REPORT_CSV_HEADER = ['row', 'group', 'group_id', ...REPORT_CSV_FIGURES.map(([name]) => name)];

const figureCells = (f: ReportFigures) => REPORT_CSV_FIGURES.map(([, key]) => csvCell(f[key], { trusted: true }));

/** The report as CSV lines: a byte-order mark and the header, one line per group, then the totals (when the figures are known). */
export function* reportCsvLines(report: PerformanceReport): Generator<string> {
  // BOM: spreadsheets then read ₹ and names in any script correctly (as the lead export).
  yield '\ufeff' + csvLine(REPORT_CSV_HEADER);
  const groupId = (r: Row) => (report.groupBy === 'source' ? null : r.key);
  for (const r of report.rows) yield csvLine(['group', csvCell(r.label), csvCell(groupId(r), { trusted: true }), ...figureCells(r)]);
  if (report.totals) yield csvLine(['total', 'Total', '', ...figureCells(report.totals)]);
}

/** soraaya-performance-2026-11-01-2026-11-30-campaign.csv */
export function reportFileName(report: PerformanceReport, ext: 'csv' | 'pdf'): string {
  return `soraaya-performance-${report.period.from}-${report.period.to}-${report.groupBy}.${ext}`;
}
