import type { ScoreFactor } from '@soraaya/contracts';

export interface ScoreInput {
  budgetMinInr: number | null;
  budgetMaxInr: number | null;
  priceMinInr: number | null;
  priceMaxInr: number | null;
  purchaseTimeline: string | null;
  financingStatus: string | null;
  lastContactedAt: Date | null;
  leadSource: string;
}

const HOUR = 3_600_000;

const TIMELINE_POINTS: Record<string, [number, string]> = {
  immediate: [25, 'buying immediately'],
  '3_months': [18, 'buying within 3 months'],
  '6_months': [10, 'buying within 6 months'],
  '1_year': [5, 'buying within a year'],
};

const FINANCING_POINTS: Record<string, [number, string]> = {
  cash_buyer: [20, 'cash buyer'],
  pre_approved: [16, 'loan pre-approved'],
  needs_financing: [6, 'still needs financing'],
};

const SOURCE_POINTS: Record<string, number> = {
  referral: 10,
  website: 7,
  nri_portal: 7,
  api: 6,
  manual: 5,
  csv_import: 4,
};

/**
 * A transparent 0–100 score: five named factors, each with its points, its
 * maximum and the reason, so a sales manager can see why a lead ranks where it does.
 */
export function scoreLead(input: ScoreInput, now: Date): { score: number; factors: ScoreFactor[] } {
  const factors: ScoreFactor[] = [budgetFit(input), timeline(input), financing(input), recency(input, now), source(input)];
  return { score: factors.reduce((sum, f) => sum + f.points, 0), factors };
}

function budgetFit(i: ScoreInput): ScoreFactor {
  const max = 30;
  const hasBudget = i.budgetMinInr !== null || i.budgetMaxInr !== null;
  const hasPrice = i.priceMinInr !== null || i.priceMaxInr !== null;
  if (!hasBudget && !hasPrice) return { factor: 'budget_fit', points: 0, max, reason: 'no budget or price known' };
  if (!hasBudget) return { factor: 'budget_fit', points: 10, max, reason: 'interested at a known price; budget not confirmed' };
  if (!hasPrice) return { factor: 'budget_fit', points: 15, max, reason: 'budget stated; no property price to compare' };
  const budgetLow = i.budgetMinInr ?? i.budgetMaxInr!;
  const budgetHigh = i.budgetMaxInr ?? i.budgetMinInr!;
  const priceLow = i.priceMinInr ?? i.priceMaxInr!;
  const priceHigh = i.priceMaxInr ?? i.priceMinInr!;
  if (budgetHigh >= priceLow && budgetLow <= priceHigh) return { factor: 'budget_fit', points: 30, max, reason: 'budget overlaps the property price' };
  if (budgetHigh >= priceLow * 0.8) return { factor: 'budget_fit', points: 15, max, reason: 'budget within 20% of the property price' };
  if (budgetLow > priceHigh) return { factor: 'budget_fit', points: 20, max, reason: 'budget above the property price' };
  return { factor: 'budget_fit', points: 5, max, reason: 'budget well below the property price' };
}

function timeline(i: ScoreInput): ScoreFactor {
  const hit = i.purchaseTimeline ? TIMELINE_POINTS[i.purchaseTimeline] : undefined;
  return hit
    ? { factor: 'timeline', points: hit[0], max: 25, reason: hit[1] }
    : { factor: 'timeline', points: 0, max: 25, reason: 'purchase timeline unknown' };
}

function financing(i: ScoreInput): ScoreFactor {
  const hit = i.financingStatus ? FINANCING_POINTS[i.financingStatus] : undefined;
  return hit
    ? { factor: 'financing', points: hit[0], max: 20, reason: hit[1] }
    : { factor: 'financing', points: 0, max: 20, reason: 'financing unknown' };
}

function recency(i: ScoreInput, now: Date): ScoreFactor {
  const max = 15;
  if (!i.lastContactedAt) return { factor: 'engagement_recency', points: 0, max, reason: 'never spoken to' };
  const hours = (now.getTime() - i.lastContactedAt.getTime()) / HOUR;
  if (hours <= 24) return { factor: 'engagement_recency', points: 15, max, reason: 'spoke within the last day' };
  if (hours <= 24 * 7) return { factor: 'engagement_recency', points: 10, max, reason: 'spoke within the last week' };
  if (hours <= 24 * 30) return { factor: 'engagement_recency', points: 5, max, reason: 'spoke within the last month' };
  return { factor: 'engagement_recency', points: 0, max, reason: 'last spoke over a month ago' };
}

function source(i: ScoreInput): ScoreFactor {
  const points = SOURCE_POINTS[i.leadSource] ?? 3;
  return { factor: 'source', points, max: 10, reason: `source ${i.leadSource}` };
}
