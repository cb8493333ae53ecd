import type { PerformanceReport, ReportFigures } from '@soraaya/contracts';
import { parse } from 'csv-parse/sync';
import { REPORT_CSV_HEADER, reportCsvLines, reportFileName } from '../../src/reports/report-csv';

const figures = (over: Partial<ReportFigures> = {}): ReportFigures => ({
  leads: 4,
  dialed: 5,
  connected: 3,
  connectRate: 0.6,
  qualified: 1,
  qualificationRate: 0.25,
  notInterested: 1,
  callbacks: 0,
  humanNeeded: 1,
  averageCallDurationSeconds: 123.456789,
  costUsd: 1.2345,
  costPerQualifiedLeadUsd: 1.2345,
  ...over,
});

const report = (over: Partial<PerformanceReport> = {}): PerformanceReport => ({
  period: { from: '2026-11-01', to: '2026-11-30', days: 30, timeZone: 'Asia/Kolkata' },
  groupBy: 'campaign',
  campaign: null,
  generatedAt: '2026-11-30T10:00:00.000Z',
  rows: [
    { key: '0193a000-0000-7000-8000-000000000001', label: 'Worli, "sea view" towers', ...figures() },
    { key: null, label: 'No campaign', ...figures({ connectRate: null, averageCallDurationSeconds: null, costPerQualifiedLeadUsd: null, qualified: 0 }) },
  ],
  totals: figures({ leads: 8 }),
  partial: [],
  ...over,
});

const csv = (r: PerformanceReport) => [...reportCsvLines(r)].join('');

describe('the report as CSV', () => {
  it('starts with a BOM and the header, a line per group, then the totals', () => {
    const text = csv(report());
    expect(text.startsWith('\ufeffrow,group,group_id,leads,calls_dialed,connected,connect_rate,qualified,qualification_rate,not_interested,callbacks,human_needed,average_call_duration_seconds,cost_usd,cost_per_qualified_lead_usd\r\n')).toBe(true);
    const rows: string[][] = parse(text, { bom: true });
    expect(rows[0]).toEqual(REPORT_CSV_HEADER);
    expect(rows.slice(1)).toEqual([
      ['group', 'Worli, "sea view" towers', '0193a000-0000-7000-8000-000000000001', '4', '5', '3', '0.6', '1', '0.25', '1', '0', '1', '123.456789', '1.2345', '1.2345'],
      ['group', 'No campaign', '', '4', '5', '3', '', '0', '0.25', '1', '0', '1', '', '1.2345', ''],
      ['total', 'Total', '', '8', '5', '3', '0.6', '1', '0.25', '1', '0', '1', '123.456789', '1.2345', '1.2345'],
    ]);
  });

  it.each([
    ['a comma', 'Pune, Baner', '"Pune, Baner"'],
    ['a quote', 'The "Elite" list', '"The ""Elite"" list"'],
    ['a line break', 'two\nlines', '"two\nlines"'],
    ['a formula', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a plus sign', '+91 leads', "'+91 leads"],
    ['an at sign', '@home', "'@home"],
    ['plain text', 'Worli towers', 'Worli towers'],
    ['Devanagari', 'मुंबई', 'मुंबई'],
  ])('escapes a group name with %s', (_what, label, cell) => {
    const line = csv(report({ rows: [{ key: null, label, ...figures() }] })).split('\r\n')[1]!;
    expect(line.startsWith(`group,${cell},`)).toBe(true);
  });

  it('leaves the source column empty for sources (the name is the key) and has no totals without figures', () => {
    const bySource = csv(report({ groupBy: 'source', rows: [{ key: 'website', label: 'website', ...figures() }] }));
    expect(bySource.split('\r\n')[1]!.startsWith('group,website,,4,')).toBe(true);
    const missing = csv(report({ rows: [], totals: null, partial: ['intelligence'] }));
    expect(parse(missing, { bom: true })).toEqual([REPORT_CSV_HEADER]);
  });

  it('names the file after the period and grouping', () => {
    expect(reportFileName(report(), 'csv')).toBe('soraaya-performance-2026-11-01-2026-11-30-campaign.csv');
    expect(reportFileName(report({ groupBy: 'persona' }), 'pdf')).toBe('soraaya-performance-2026-11-01-2026-11-30-persona.pdf');
  });
});
