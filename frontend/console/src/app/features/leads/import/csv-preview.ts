/**
 * The first rows of a CSV, read in the browser before uploading, the way the
 * lead service's reader (csv-parse with `bom`, `relax_quotes`,
 * `relax_column_count`, `skip_empty_lines`) will read them: comma-separated,
 * double quotes around fields that hold commas, quotes or line breaks, `""`
 * for a quote inside them, a quote elsewhere kept as text.
 * Plain functions (no Angular, no DOM) so jest runs their spec as is.
 */
export interface CsvPreview {
  /** Header cells, trimmed (the server trims them too). */
  headers: string[];
  /** Up to `maxRows` data rows. */
  rows: string[][];
  /** More data rows follow in the text read (or the text was a prefix of the file). */
  more: boolean;
}

export type EncodingProblem = 'utf16' | 'binary' | null;

/** What the server would refuse before reading a row: UTF-16 text, or a file that is not text at all (a spreadsheet). */
export function encodingProblem(firstBytes: Uint8Array): EncodingProblem {
  if (firstBytes.length >= 2 && ((firstBytes[0] === 0xff && firstBytes[1] === 0xfe) || (firstBytes[0] === 0xfe && firstBytes[1] === 0xff))) return 'utf16';
  // A ZIP (xlsx, ods) or an old binary sheet: NUL bytes never occur in CSV text.
  if (firstBytes.length >= 4 && firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && firstBytes[2] === 0x03 && firstBytes[3] === 0x04) return 'binary';
  if (firstBytes.subarray(0, 512).includes(0)) return 'binary';
  return null;
}

/**
 * Reads records from `text`. With `complete: false` the text is only the start
 * of the file: its last record may be cut off, so it is dropped unless a line
 * break ended it.
 */
export function parseCsvRecords(text: string, opts: { complete?: boolean; maxRecords?: number } = {}): { records: string[][]; more: boolean } {
  const complete = opts.complete ?? true;
  const maxRecords = opts.maxRecords ?? Infinity;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let fieldBegun = false; // the current field has a character (a quote opens a quoted field only before any)
  let lineBegun = false; // the current line has a character (an empty line is no record)
  let i = 0;
  const endRecord = (): boolean => {
    record.push(field);
    // skip_empty_lines: a line with nothing on it is no record.
    if (lineBegun) records.push(record);
    record = [];
    field = '';
    fieldBegun = false;
    lineBegun = false;
    return records.length >= maxRecords;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && !fieldBegun) {
      quoted = true;
      fieldBegun = lineBegun = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
      fieldBegun = false;
      lineBegun = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      if (endRecord()) return { records, more: i + 1 < src.length || !complete };
    } else {
      field += c;
      fieldBegun = lineBegun = true;
    }
    i += 1;
  }
  // The text ended inside a record: keep it only when it is the true end of the file.
  if (complete && lineBegun) endRecord();
  return { records, more: !complete };
}

/** Header and first rows of a CSV's text (or of the start of it, with `complete: false`). */
export function previewCsv(text: string, opts: { complete?: boolean; maxRows?: number } = {}): CsvPreview {
  const maxRows = opts.maxRows ?? 5;
  const { records, more } = parseCsvRecords(text, { complete: opts.complete ?? true, maxRecords: maxRows + 1 });
  const [header = [], ...rows] = records;
  return { headers: header.map((h) => h.trim()), rows, more };
}

/** A column's first non-empty values, for the mapping step to show what the column holds. */
export function sampleValues(preview: CsvPreview, column: number, max = 3): string[] {
  const out: string[] = [];
  for (const row of preview.rows) {
    const v = (row[column] ?? '').trim();
    if (v) out.push(v);
    if (out.length >= max) break;
  }
  return out;
}
