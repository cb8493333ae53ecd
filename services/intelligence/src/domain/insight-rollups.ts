import type { CallAnalysis } from '@soraaya/contracts';

/** Campaign or persona "none" in rollup keys (primary keys cannot hold null). */
export const NO_KEY = '00000000-0000-0000-0000-000000000000';
/** Budget histogram step for the median: half a crore. */
export const BUDGET_BUCKET_INR = 5_000_000;

export const BUDGET_BANDS: { label: string; below: number }[] = [
  { label: 'under 2 Cr', below: 20_000_000 },
  { label: '2–5 Cr', below: 50_000_000 },
  { label: '5–10 Cr', below: 100_000_000 },
  { label: '10–20 Cr', below: 200_000_000 },
  { label: '20 Cr and above', below: Number.POSITIVE_INFINITY },
];

export function budgetBand(inr: number): string {
  return BUDGET_BANDS.find((b) => inr < b.below)!.label;
}

export interface RolledCall {
  day: string;
  campaignKey: string;
  personaKey: string;
  localDow: number;
  localHour: number;
  callOutcome: string;
  durationSeconds: number;
}

export interface FacetCount {
  facet: 'analysed' | 'score' | 'objection' | 'timeline' | 'financing' | 'property_type' | 'location' | 'amenity' | 'budget_band' | 'budget_bucket';
  value: string;
  n: number;
}

/**
 * What one analysed call adds to the conversation facets: each a (facet, value)
 * count, so the Insights page sums a few thousand rollup rows instead of
 * reading every analysis. `score` carries the score as its count (summed for the
 * average); `budget_bucket` the half-crore step the budget falls in (the median).
 */
export function facetCounts(a: CallAnalysis): FacetCount[] {
  const out: FacetCount[] = [
    { facet: 'analysed', value: '', n: 1 },
    { facet: 'score', value: '', n: a.score },
  ];
  for (const category of new Set(a.objections.map((o) => o.category))) out.push({ facet: 'objection', value: category, n: 1 });
  if (a.timeline) out.push({ facet: 'timeline', value: a.timeline, n: 1 });
  if (a.financing) out.push({ facet: 'financing', value: a.financing, n: 1 });
  if (a.propertyType) out.push({ facet: 'property_type', value: a.propertyType, n: 1 });
  for (const l of new Set(a.locations)) out.push({ facet: 'location', value: l, n: 1 });
  for (const m of new Set(a.amenities)) out.push({ facet: 'amenity', value: m, n: 1 });
  const budget = a.budgetInr ? (a.budgetInr.max ?? a.budgetInr.min) : null;
  if (budget !== null) {
    out.push({ facet: 'budget_band', value: budgetBand(budget), n: 1 });
    out.push({ facet: 'budget_bucket', value: String(Math.floor(budget / BUDGET_BUCKET_INR)), n: 1 });
  }
  return out;
}

/** The median budget from the half-crore histogram: the middle of the bucket holding the middle budget. */
export function medianFromBuckets(buckets: { bucket: number; n: number }[]): number | null {
  const total = buckets.reduce((s, b) => s + b.n, 0);
  if (!total) return null;
  let seen = 0;
  for (const b of [...buckets].sort((x, y) => x.bucket - y.bucket)) {
    seen += b.n;
    if (seen * 2 >= total) return b.bucket * BUDGET_BUCKET_INR + BUDGET_BUCKET_INR / 2;
  }
  return null;
}
