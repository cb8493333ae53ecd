import type { PerformanceReport, ReportFigures } from '@soraaya/contracts';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { MISSING_FIGURES } from './report-figures';
import { formatCount, formatDay, formatDuration, formatInstant, formatMoney, formatRate } from './report-format';

export interface PdfContext {
  tenantName: string;
  /** Locale for numbers and dates (reportLocale of the tenant's region). */
  locale: string;
}

/** DejaVu Sans Condensed, embedded: the standard PDF fonts know only Windows Latin-1 (no ₹); condensed fits thirteen columns. */
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf')),
  };
  return fonts;
}

const MARGIN = 36;
const FOOTER = 28;
const PAD = 3;
const INK = '#1f2328';
const MUTED = '#57606a';
const RULE = '#d0d7de';
const STRIPE = '#f6f8fa';

type Fmt = (f: ReportFigures, locale: string) => string;
/** The table after the group column: the JSON figures, in their order, for a person. */
const FIGURE_COLUMNS: { title: string; value: Fmt; weight?: number }[] = [
  { title: 'Leads', value: (f, l) => formatCount(f.leads, l) },
  { title: 'Calls dialed', value: (f, l) => formatCount(f.dialed, l) },
  { title: 'Connected', value: (f, l) => formatCount(f.connected, l) },
  { title: 'Connect rate', value: (f, l) => formatRate(f.connectRate, l) },
  { title: 'Qualified', value: (f, l) => formatCount(f.qualified, l) },
  { title: 'Qualification rate', value: (f, l) => formatRate(f.qualificationRate, l), weight: 1.25 },
  { title: 'Not interested', value: (f, l) => formatCount(f.notInterested, l) },
  { title: 'Callbacks', value: (f, l) => formatCount(f.callbacks, l) },
  { title: 'Human needed', value: (f, l) => formatCount(f.humanNeeded, l) },
  { title: 'Avg call (m:ss)', value: (f) => formatDuration(f.averageCallDurationSeconds) },
  { title: 'Cost (USD)', value: (f, l) => formatMoney(f.costUsd, 'USD', l), weight: 1.2 },
  { title: 'Cost per qualified lead', value: (f, l) => formatMoney(f.costPerQualifiedLeadUsd, 'USD', l), weight: 1.1 },
];
const GROUP_TITLE = { campaign: 'Campaign', persona: 'Persona', source: 'Lead source' } as const;

const DEFINITIONS =
  'Leads: distinct leads with a call (dialled or inbound) in the period. Connect rate: connected ÷ calls dialed. ' +
  'Qualified, not interested, callbacks, human needed: leads with at least one conversation read that way. Qualification rate: qualified ÷ leads. ' +
  'Average call: over answered calls. Costs in US dollars, as the telephony providers bill them; cost per qualified lead: cost ÷ qualified leads. ' +
  'A lead in several groups counts once in the totals.';

/**
 * The report as a PDF (A4 landscape): title, tenant, period, grouping and the
 * time it was made on the tenant's clock; a visible note when figures are
 * missing; the table with its header repeated on every page and the totals in
 * bold; definitions; "Page n of m" on every page. Returns the document ended:
 * pipe or send it as a stream.
 */
export function renderReportPdf(report: PerformanceReport, ctx: PdfContext): PDFKit.PDFDocument {
  const { regular, bold } = loadFonts();
  const { from, to, days, timeZone } = report.period;
  const period = `${formatDay(from, ctx.locale)} – ${formatDay(to, ctx.locale)}`;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
    bufferPages: true,
    info: { Title: `Performance report ${from} – ${to}`, Author: 'Soraaya', Subject: `${ctx.tenantName}: performance by ${report.groupBy}`, CreationDate: new Date(report.generatedAt) },
  });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  // --- heading
  doc.font('bold').fontSize(18).fillColor(INK).text('Performance report', left, MARGIN);
  doc.font('body').fontSize(11).text(ctx.tenantName);
  doc.moveDown(0.4).fontSize(9).fillColor(MUTED);
  doc.text(`Period: ${period} (${days} ${days === 1 ? 'day' : 'days'}, calendar days in ${timeZone})`);
  doc.text(`Grouped by ${report.groupBy}${report.campaign ? ` · Campaign: ${report.campaign.name ?? report.campaign.id}` : ''}`);
  doc.text(`Generated ${formatInstant(new Date(report.generatedAt), timeZone, ctx.locale)}`);
  doc.moveDown(0.8);

  // --- what is missing, where nobody can overlook it
  const missing = report.partial.map((s) => MISSING_FIGURES[s] ?? `figures from the ${s} service`);
  if (missing.length) {
    const text = `Some figures are missing from this report. Left out: ${missing.join('; ')}. Try again in a moment for a complete report.`;
    doc.font('bold').fontSize(9);
    const h = doc.heightOfString(text, { width: width - 16 }) + 12;
    const y = doc.y;
    doc.rect(left, y, width, h).fillAndStroke('#fff4e5', '#b26a00');
    doc.fillColor('#663c00').text(text, left + 8, y + 6, { width: width - 16 });
    doc.y = y + h + 10;
  }

  // --- the table
  const groupWidth = 130;
  const unit = (width - groupWidth) / FIGURE_COLUMNS.reduce((sum, c) => sum + (c.weight ?? 1), 0);
  const widths = [groupWidth, ...FIGURE_COLUMNS.map((c) => unit * (c.weight ?? 1))];
  const rowHeight = (cells: string[]) => Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
  const drawRow = (cells: string[], opts: { font: 'body' | 'bold'; size: number; fill?: string; ruleAbove?: boolean }) => {
    doc.font(opts.font).fontSize(opts.size);
    const h = rowHeight(cells);
    if (doc.y + h > bottom()) {
      doc.addPage();
      drawHeader();
      doc.font(opts.font).fontSize(opts.size);
    }
    const y = doc.y;
    if (opts.fill) doc.rect(left, y, width, h).fill(opts.fill);
    if (opts.ruleAbove) doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.8).strokeColor(INK).stroke();
    let x = left;
    doc.fillColor(INK);
    cells.forEach((c, i) => {
      doc.text(c, x + PAD, y + PAD, { width: widths[i]! - 2 * PAD, align: i === 0 ? 'left' : 'right' });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + h;
  };
  function drawHeader(): void {
    const cells = [GROUP_TITLE[report.groupBy], ...FIGURE_COLUMNS.map((c) => c.title)];
    doc.font('bold').fontSize(7.5);
    const y = doc.y;
    const h = rowHeight(cells);
    let x = left;
    doc.fillColor(MUTED);
    cells.forEach((c, i) => {
      doc.text(c, x + PAD, y + PAD, { width: widths[i]! - 2 * PAD, align: i === 0 ? 'left' : 'right' });
      x += widths[i]!;
    });
    doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.8).strokeColor(RULE).stroke();
    doc.x = left;
    doc.y = y + h + 1;
  }
  const cellsOf = (label: string, f: ReportFigures) => [label, ...FIGURE_COLUMNS.map((c) => c.value(f, ctx.locale))];

  if (report.totals) {
    drawHeader();
    report.rows.forEach((r, i) => drawRow(cellsOf(r.label, r), { font: 'body', size: 8, ...(i % 2 ? { fill: STRIPE } : {}) }));
    if (!report.rows.length) drawRow(['No calls in this period', ...FIGURE_COLUMNS.map(() => '')], { font: 'body', size: 8 });
    drawRow(cellsOf('Total', report.totals), { font: 'bold', size: 8, ruleAbove: true });
  } else {
    doc.font('bold').fontSize(10).fillColor(INK).text('No figures: the call figures could not be read (see the note above).', left);
  }

  // --- definitions
  doc.moveDown(1).font('body').fontSize(7).fillColor(MUTED);
  if (doc.y + doc.heightOfString(DEFINITIONS, { width }) > bottom()) doc.addPage();
  doc.text(DEFINITIONS, left, doc.y, { width });

  // --- footers, once the page count is known
  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - 10;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    doc.font('body').fontSize(7.5).fillColor(MUTED);
    doc.text(`Soraaya · ${ctx.tenantName} · performance by ${report.groupBy}, ${period}`, left, y, { width: width / 2, lineBreak: false });
    doc.text(`Page ${i - pages.start + 1} of ${pages.count}`, left + width / 2, y, { width: width / 2, align: 'right', lineBreak: false });
  }
  doc.end();
  return doc;
}
