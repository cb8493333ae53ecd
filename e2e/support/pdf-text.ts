import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF written by pdfkit, compressed or not, without a PDF
 * library: streams are inflated, each font's ToUnicode map read, and every
 * text-showing operation (Tj, TJ) decoded. Returns one string per operation,
 * in the order the content streams appear (kerning gaps inside an operation
 * are dropped, so a table cell or a line comes back whole).
 */
export function pdfTextPieces(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  // Font resource names (/F2) → font object → its ToUnicode map; pdfkit names fonts once per document.
  const fontRefs = new Map<string, number>();
  for (const body of objects.values()) for (const m of body.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) fontRefs.set(m[1]!, Number(m[2]));
  const maps = new Map<string, Map<number, string> | null>();
  for (const [name, id] of fontRefs) {
    const ref = objects.get(id)?.dict.match(/\/ToUnicode (\d+) 0 R/);
    const cmap = ref ? objects.get(Number(ref[1]))?.stream : undefined;
    maps.set(name, cmap ? parseToUnicode(cmap) : null);
  }
  const pieces: string[] = [];
  for (const body of objects.values()) {
    if (!body.stream || !/\bTf\b/.test(body.stream)) continue;
    let font: string | null = null;
    for (const op of body.stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-fA-F\s]*>|[-\d.\s])*)\] TJ|<([0-9a-fA-F\s]*)> Tj/g)) {
      if (op[1]) {
        font = op[1];
        continue;
      }
      const hex = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F\s]*)>/g)].map((h) => h[1]!).join('') : op[3]!;
      pieces.push(decode(hex.replace(/\s/g, ''), font ? (maps.get(font) ?? null) : null));
    }
  }
  return pieces;
}

/** All the text as one string, a line per text operation. */
export function pdfText(pdf: Buffer): string {
  return pdfTextPieces(pdf).join('\n');
}

interface PdfObject {
  dict: string;
  stream: string | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const src = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(src))) {
    const from = m.index + m[0].length;
    const streamAt = src.indexOf('stream', from);
    const endAt = src.indexOf('endobj', from);
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = src.slice(from, streamAt);
      const length = Number(dict.match(/\/Length (\d+)/)?.[1] ?? 0);
      const dataAt = src[streamAt + 6] === '\r' ? streamAt + 8 : streamAt + 7;
      const raw = pdf.subarray(dataAt, dataAt + length);
      const data = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      objects.set(Number(m[1]), { dict, stream: data.toString('latin1') });
      start.lastIndex = src.indexOf('endobj', dataAt + length);
    } else {
      objects.set(Number(m[1]), { dict: src.slice(from, endAt), stream: null });
      start.lastIndex = endAt;
    }
  }
  return objects;
}

const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');

/** bfchar and bfrange entries (both the array form pdfkit writes and the incrementing form). */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const e of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(e[1]!, 16), utf16(e[2]!.replace(/\s/g, '')));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const e of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(e[1]!, 16);
      const hi = parseInt(e[2]!, 16);
      if (e[3]!.startsWith('[')) {
        [...e[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((u, i) => map.set(lo + i, utf16(u[1]!.replace(/\s/g, ''))));
      } else {
        const first = parseInt(e[3]!.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(first + c - lo));
      }
    }
  }
  return map;
}

/** Two-byte codes through the font's map (embedded fonts); single bytes as Latin-1 (the standard fonts). */
function decode(hex: string, map: Map<number, string> | null): string {
  if (!map) return Buffer.from(hex, 'hex').toString('latin1');
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += map.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\ufffd';
  return out;
}
