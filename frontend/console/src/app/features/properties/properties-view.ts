import type { AVAILABILITY as ContractAvailability, PROPERTY_TYPES as ContractTypes, Property, PropertyWritable } from '@soraaya/contracts';
import type { Tone } from '../../core/ui/labels';

/**
 * The property inventory's rules, mirroring `propertyWritableSchema` in plain
 * functions (no Angular, no zod in the bundle): prices typed the way people
 * say them (₹12.5 Cr, 85 L), specifications as key/value rows.
 */
export type { Property, PropertyWritable };
export type PropertyType = Property['type'];
export type Availability = Property['availability'];
type SpecValue = Property['specifications'][string];

export const PROPERTY_TYPES = ['apartment', 'villa', 'penthouse', 'commercial', 'plot', 'townhouse', 'other'] as const satisfies typeof ContractTypes;
export const AVAILABILITY = ['available', 'reserved', 'sold'] as const satisfies typeof ContractAvailability;
export const AVAILABILITY_TONES: Record<Availability, Tone> = { available: 'success', reserved: 'warning', sold: 'muted' };
export const LIMITS = { name: 200, location: 200, amenity: 60, amenities: 50, specKey: 60, specValue: 500, specs: 50, maxInr: 1e13 } as const;

const CRORE = 1e7;
const LAKH = 1e5;
const group = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/**
 * Rupees from what a person types: "12.5 Cr", "12.5 crore", "85 L", "85 lakh",
 * "1,20,00,000", "₹ 4500000". Null when it is no amount (or not a whole rupee).
 */
export function parseInr(text: string): number | null {
  const m = /^\s*(?:₹|rs\.?|inr)?\s*([\d,]*\.?\d+)\s*(cr|crore|crores|l|lac|lakh|lakhs|k|thousand)?\.?\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  const unit = (m[2] ?? '').toLowerCase();
  const factor = unit.startsWith('c') ? CRORE : unit.startsWith('l') ? LAKH : unit.startsWith('k') || unit === 'thousand' ? 1e3 : 1;
  const rupees = Math.round(n * factor * 100) / 100;
  return Number.isInteger(rupees) ? rupees : null;
}

/** Every digit, grouped the Indian way: ₹12,50,00,000. */
export function inrFull(value: number): string {
  return `₹${group.format(value)}`;
}

/** What a price field says under itself: the amount read back in full and in crores or lakhs, or why it is no amount. */
export function priceHint(text: string): { ok: boolean; text: string } {
  if (!text.trim()) return { ok: true, text: 'Such as 12.5 Cr, 85 L or 4,50,00,000' };
  const v = parseInr(text);
  if (v === null || v <= 0) return { ok: false, text: 'Not an amount: try 12.5 Cr, 85 L or 4,50,00,000' };
  if (v > LIMITS.maxInr) return { ok: false, text: 'Too large' };
  const short = v >= CRORE ? `${trim(v / CRORE)} Cr` : v >= LAKH ? `${trim(v / LAKH)} L` : null;
  return { ok: true, text: short ? `${inrFull(v)} (${short})` : inrFull(v) };
}

/** A price back into the field: "12.5 Cr", "85 L", or the rupees grouped. */
export function priceText(value: number): string {
  if (value >= CRORE && Number.isInteger((value / CRORE) * 1000)) return `${trim(value / CRORE)} Cr`;
  if (value >= LAKH && Number.isInteger((value / LAKH) * 100)) return `${trim(value / LAKH)} L`;
  return group.format(value);
}

function trim(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

export interface SpecRow {
  key: string;
  value: string;
  /** The stored value: kept as it was (a "2027" that is text stays text) while its text is unchanged. */
  original?: SpecValue;
}

export function specsToRows(specs: Property['specifications']): SpecRow[] {
  return Object.entries(specs).map(([key, value]) => ({ key, value: String(value), original: value }));
}

/** A typed value: numbers stay numbers, true/false booleans, the rest text (the server keeps all three). */
export function specValue(text: string): SpecValue {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t) && Number.isFinite(Number(t)) && t.length < 16) return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  return t;
}

/** Rows into the specifications object, with a problem per row (index → message); empty rows drop out. */
export function rowsToSpecs(rows: readonly SpecRow[]): { specs: Property['specifications']; problems: Record<number, string> } {
  const specs: Property['specifications'] = {};
  const problems: Record<number, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const key = row.key.trim();
    const value = row.value.trim();
    if (!key && !value) return;
    if (!key) problems[i] = 'Give the value a name';
    else if (key.length > LIMITS.specKey) problems[i] = `Name: at most ${LIMITS.specKey} characters`;
    else if (value.length > LIMITS.specValue) problems[i] = `Value: at most ${LIMITS.specValue} characters`;
    else if (seen.has(key.toLowerCase())) problems[i] = `“${key}” is listed twice`;
    else {
      seen.add(key.toLowerCase());
      specs[key] = row.original !== undefined && String(row.original) === value ? row.original : specValue(value);
    }
  });
  if (Object.keys(specs).length > LIMITS.specs) problems[rows.length - 1] = `At most ${LIMITS.specs} specifications`;
  return { specs, problems };
}

/** "carpetAreaSqft" → "Carpet area sqft", "possession_year" → "Possession year". */
export function specLabel(key: string): string {
  const s = key
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface PropertyForm {
  name: string;
  type: PropertyType;
  location: string;
  priceMin: string;
  priceMax: string;
  amenities: string[];
  specifications: SpecRow[];
  availability: Availability;
}

export const EMPTY_PROPERTY: PropertyForm = { name: '', type: 'apartment', location: '', priceMin: '', priceMax: '', amenities: [], specifications: [], availability: 'available' };

export function propertyToForm(p: Property): PropertyForm {
  return {
    name: p.name,
    type: p.type,
    location: p.location,
    priceMin: priceText(p.priceMinInr),
    priceMax: priceText(p.priceMaxInr),
    amenities: [...p.amenities],
    specifications: specsToRows(p.specifications),
    availability: p.availability,
  };
}

/** The body the server takes, or null when a price is no amount (the form shows why). */
export function formToWritable(f: PropertyForm): PropertyWritable | null {
  const priceMinInr = parseInr(f.priceMin);
  const priceMaxInr = parseInr(f.priceMax === '' ? f.priceMin : f.priceMax);
  if (priceMinInr === null || priceMaxInr === null) return null;
  return {
    name: f.name.trim(),
    type: f.type,
    location: f.location.trim(),
    priceMinInr,
    priceMaxInr,
    amenities: f.amenities.map((a) => a.trim()).filter(Boolean),
    specifications: rowsToSpecs(f.specifications).specs,
    availability: f.availability,
  };
}

/** The same price twice is one price; a minimum above the maximum is refused (the server says so too). */
export function priceRangeProblem(minText: string, maxText: string): string | null {
  const min = parseInr(minText);
  const max = parseInr(maxText);
  return min !== null && max !== null && min > max ? 'The minimum is above the maximum' : null;
}

/** Filters as the URL and the API take them. */
export interface PropertyFilters {
  types: PropertyType[];
  availability: Availability[];
  location: string;
  priceMinInr: number | null;
  priceMaxInr: number | null;
}

/** Query parameters for GET /properties: the server wants a location of at least 2 characters. */
export function filterParams(f: PropertyFilters): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (f.types.length) out['type'] = f.types.join(',');
  if (f.availability.length) out['availability'] = f.availability.join(',');
  if (f.location.trim().length >= 2) out['location'] = f.location.trim();
  if (f.priceMinInr !== null) out['priceMinInr'] = f.priceMinInr;
  if (f.priceMaxInr !== null) out['priceMaxInr'] = f.priceMaxInr;
  return out;
}
