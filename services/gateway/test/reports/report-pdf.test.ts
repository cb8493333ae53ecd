import type { PerformanceReport, ReportFigures } from '@soraaya/contracts';
import { pdfText, pdfTextPieces } from '../../../../e2e/support/pdf-text';
import { renderReportPdf } from '../../src/reports/report-pdf';

const figures = (n: number): ReportFigures => ({
  leads: 10 * n,
  dialed: 20 * n,
  connected: 12 * n,
  connectRate: 0.6,
  qualified: 3 * n,
  qualificationRate: 0.3,
  notInterested: 2 * n,
  callbacks: n,
  humanNeeded: n,
  averageCallDurationSeconds: 125,
  costUsd: 1234.5 * n,
  costPerQualifiedLeadUsd: 411.5,
});

const report = (rows: number, over: Partial<PerformanceReport> = {}): PerformanceReport => ({
  period: { from: '2026-11-01', to: '2026-11-30', days: 30, timeZone: 'Asia/Kolkata' },
  groupBy: 'persona',
  campaign: { id: '0193a000-0000-7000-8000-000000000001', name: 'Worli towers' },
  generatedAt: '2026-11-21T18:45:00.000Z',
  rows: Array.from({ length: rows }, (_, i) => ({ key: `p${i}`, label: `Persona ${i} — Zoë`, ...figures(i + 1) })),
  totals: figures(100),
  partial: [],
  ...over,
});

async function render(r: PerformanceReport): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of renderReportPdf(r, { tenantName: 'Soraaya Demo Realty', locale: 'en-IN' })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the report as PDF', () => {
  it('has the title, period, grouping, generated time on the tenant clock, the table and the totals', async () => {
    const pdf = await render(report(3));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const s of [
      'Performance report',
      'Soraaya Demo Realty',
      'Period: 1 Nov 2026 – 30 Nov 2026 (30 days, calendar days in Asia/Kolkata)',
      'Grouped by persona · Campaign: Worli towers',
      'Generated 22 Nov 2026, 12:15 am IST',
      'Persona 2 — Zoë',
      'Page 1 of 1',
    ]) expect(text).toContain(s);
    const pieces = pdfTextPieces(pdf);
    const total = pieces.indexOf('Total');
    expect(pieces.slice(total, total + 13)).toEqual(['Total', '1,000', '2,000', '1,200', '60%', '300', '30%', '200', '100', '100', '2:05', '$1,23,450.00', '$411.50']);
    expect(text).not.toContain('missing');
  });

  it('repeats the header on every page and numbers the pages', async () => {
    const text = pdfText(await render(report(80)));
    expect(text).toContain('Page 1 of 3');
    expect(text).toContain('Page 3 of 3');
    expect(text.match(/Calls dialed/g)!.length).toBe(3);
    expect(text).toContain('Persona 79');
  });

  it('says visibly which figures are missing', async () => {
    const text = pdfText(await render(report(0, { rows: [], totals: null, partial: ['intelligence', 'campaign'] })));
    expect(text).toContain('Some figures are missing from this report');
    expect(text).toContain('(transcript intelligence did not answer)');
    expect(text).toContain('campaign and persona names');
    expect(text).toContain('No figures');
  });
});
