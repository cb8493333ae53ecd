import type { PerformanceReport, ReportFigures } from '@soraaya/contracts';
import { chartHeight, defaultRange, fileNameFrom, formatFigures, partialNotice, rangeError, reportBars, totalsLine } from './reports-view';

const figures = (over: Partial<ReportFigures> = {}): ReportFigures => ({
  leads: 1200,
  dialed: 40,
  connected: 30,
  connectRate: 0.75,
  qualified: 9,
  qualificationRate: 0.0075,
  notInterested: 4,
  callbacks: 2,
  humanNeeded: 1,
  averageCallDurationSeconds: 125,
  costUsd: 12.5,
  costPerQualifiedLeadUsd: 1.3889,
  ...over,
});

describe('reports view', () => {
  it('defaults to the last 30 days, today included', () => {
    expect(defaultRange(new Date(2026, 2, 10))).toEqual({ from: '2026-02-09', to: '2026-03-10' });
  });

  it.each([
    ['2026-01-01', '2026-01-31', null],
    ['2026-01-01', '2026-01-01', null],
    ['2025-01-01', '2026-01-01', null],
    ['2025-01-01', '2026-01-02', 'A report covers at most 366 days; this range covers 367.'],
    ['2026-02-01', '2026-01-31', 'The end date must be on or after the start date.'],
    ['', '2026-01-31', 'Choose a start date.'],
    ['2026-01-01', '2026-13-40', 'Choose an end date.'],
  ])('rangeError(%s, %s) = %p', (from, to, expected) => {
    expect(rangeError(from, to)).toBe(expected);
  });

  it.each([
    ['attachment; filename="soraaya-performance-2026-01-01-2026-01-31-campaign.csv"', 'soraaya-performance-2026-01-01-2026-01-31-campaign.csv'],
    ['attachment; filename=report.pdf', 'report.pdf'],
    ["attachment; filename=\"a.csv\"; filename*=UTF-8''r%C3%A9sum%C3%A9.csv", 'résumé.csv'],
    ['attachment; filename="../../etc/passwd"', '.._.._etc_passwd'],
    ['attachment', 'fallback.csv'],
    [null, 'fallback.csv'],
  ])('fileNameFrom(%p)', (header, expected) => {
    expect(fileNameFrom(header, 'fallback.csv')).toBe(expected);
  });

  it('formats a line of figures, with dashes for rates over nothing', () => {
    expect(formatFigures(figures(), 'k', 'Spring')).toMatchObject({ leads: '1,200', connectRate: '75.0%', qualificationRate: '0.8%', averageCall: '2m 05s', cost: '$12.50', costPerQualified: '$1.39' });
    expect(formatFigures(figures({ connectRate: null, averageCallDurationSeconds: 42, costPerQualifiedLeadUsd: null }), 'k', 'x')).toMatchObject({ connectRate: '—', averageCall: '42s', costPerQualified: '—' });
  });

  const report = (over: Partial<PerformanceReport> = {}): PerformanceReport => ({
    period: { from: '2026-01-01', to: '2026-01-30', days: 30, timeZone: 'Asia/Kolkata' },
    groupBy: 'campaign',
    campaign: null,
    generatedAt: '2026-01-30T10:00:00Z',
    rows: [
      { ...figures(), key: 'a', label: 'Spring' },
      { ...figures({ qualified: 2, connectRate: null }), key: null, label: 'No campaign' },
    ],
    totals: figures(),
    partial: [],
    ...over,
  });

  it('charts qualified and connect rate per group, leaving out rates over nothing', () => {
    expect(reportBars(report())).toEqual({ qualified: [{ name: 'Spring', value: 9 }, { name: 'No campaign', value: 2 }], connectRate: [{ name: 'Spring', value: 75 }] });
  });

  it('has a totals line only when the call figures came', () => {
    expect(totalsLine(report())?.label).toBe('Total');
    expect(totalsLine(report({ totals: null }))).toBeNull();
  });

  it.each([
    [1, 160],
    [5, 270],
    [40, 520],
  ])('a chart of %p bars is %p px high', (n, px) => expect(chartHeight(n)).toBe(px));

  it('says which figures are missing', () => {
    expect(partialNotice([])).toBeNull();
    expect(partialNotice(['intelligence', 'campaign'])).toBe('Some figures are missing: call figures, campaign and persona names did not arrive in time. Try again in a moment.');
  });
});
