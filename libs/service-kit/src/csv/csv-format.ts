/**
 * CSV cells for downloads (the lead export, reports). Text that a spreadsheet would run as a formula (=, +, -, @
 * at the start) is prefixed with a quote, except values we know are numbers or
 * E.164 phones; cells with separators, quotes or line breaks are quoted.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown, opts: { trusted?: boolean } = {}): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (!opts.trusted && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: string[]): string {
  return `${cells.join(',')}\r\n`;
}
