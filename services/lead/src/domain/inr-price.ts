/**
 * Reads prices the way Indian sales teams write them: "₹45 Cr", "₹12 Cr - ₹15 Cr",
 * "8.5 crore", "75 L", "₹ 4,50,00,000", "Rs. 3.2 cr to 4 cr", "12-15 Cr".
 * Returns whole rupees.
 */
export type PriceResult = { ok: true; minInr: number; maxInr: number } | { ok: false; message: string };

const UNITS: Record<string, number> = {
  cr: 1e7,
  crs: 1e7,
  crore: 1e7,
  crores: 1e7,
  c: 1e7,
  l: 1e5,
  lac: 1e5,
  lacs: 1e5,
  lakh: 1e5,
  lakhs: 1e5,
  lk: 1e5,
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const PART = /^(\d+(?:[.,]\d+)*)\s*([a-z]+)?\.?$/;

export function parseInrPrice(raw: string): PriceResult {
  const text = raw
    .toLowerCase()
    .replace(/₹|\brs\.?|\binr\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return { ok: false, message: 'is empty' };
  const pieces = text.split(/\s*(?:-|–|—|\bto\b)\s*/).filter(Boolean);
  if (pieces.length < 1 || pieces.length > 2) return { ok: false, message: `"${raw}" is not a price or price range` };
  const parsed = pieces.map((p) => PART.exec(p.trim()));
  if (parsed.some((m) => !m)) return { ok: false, message: `"${raw}" is not a price or price range` };
  const units = parsed.map((m) => m![2]);
  for (const u of units) if (u && !(u in UNITS)) return { ok: false, message: `unknown unit "${u}" in "${raw}" (use Cr, crore, L or lakh)` };
  // "12-15 Cr": a unit written once at the end applies to both ends.
  const lastUnit = units[units.length - 1];
  const values = parsed.map((m, i) => {
    const n = readNumber(m![1]!);
    const unit = units[i] ?? lastUnit;
    return n === null ? null : Math.round(n * (unit ? UNITS[unit]! : 1));
  });
  if (values.some((v) => v === null || !Number.isFinite(v))) return { ok: false, message: `"${raw}" has an unreadable number` };
  const [a, b = a] = values as number[];
  if (a! <= 0) return { ok: false, message: `"${raw}" must be more than zero` };
  if (a! > 1e13) return { ok: false, message: `"${raw}" is implausibly large` };
  return a! <= b! ? { ok: true, minInr: a!, maxInr: b! } : { ok: false, message: `"${raw}": the range's low end is above its high end` };
}

/** "4,50,00,000" (Indian grouping), "1,200,000" and "8.5" all read; "8,5" is taken as a decimal comma. */
function readNumber(s: string): number | null {
  if (/^\d{1,3}(,\d{2,3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  return null;
}
