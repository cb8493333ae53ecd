import type { AnalysisInput, CallAnalysis } from '@soraaya/contracts';
import type { BudgetInr } from './budget';
import type { Financing } from './financing';
import type { HumanNeed } from './human-need';
import type { InterestLevel } from './interest';
import type { PropertyType } from './property-type';
import type { Timeline } from './timeline';

type Criteria = AnalysisInput['criteria'];
export type Outcome = CallAnalysis['outcome'];

export interface QualificationFacts {
  budget: BudgetInr | null;
  timeline: Timeline | null;
  propertyType: PropertyType | null;
  locations: string[];
  financing: Financing | null;
  decisionMaker: boolean | null;
  interestLevel: InterestLevel;
}

export interface CriterionCheck {
  criterion: 'budget' | 'timeline' | 'propertyType' | 'locations' | 'financing' | 'decisionMaker';
  /** true met, false failed, null unknown (the lead did not say). */
  met: boolean | null;
  reason: string;
}

const crore = (n: number) => `₹${(n / 1e7).toFixed(n % 1e7 === 0 ? 0 : 2).replace(/\.?0+$/, '')} Cr`;
const range = (min: number | null | undefined, max: number | null | undefined) =>
  min != null && max != null
    ? min === max
      ? crore(min)
      : `${crore(min)}–${crore(max)}`
    : min != null
      ? `${crore(min)}+`
      : max != null
        ? `up to ${crore(max)}`
        : 'any';

/** Inclusive overlap of the lead's range with the campaign's; open ends are unbounded. */
export function budgetFits(budget: BudgetInr, criteria: Criteria): boolean {
  const lo = budget.min ?? 0;
  const hi = budget.max ?? Number.POSITIVE_INFINITY;
  const cLo = criteria.budgetMinInr ?? 0;
  const cHi = criteria.budgetMaxInr ?? Number.POSITIVE_INFINITY;
  return lo <= cHi && hi >= cLo;
}

/** Each criterion the campaign sets, checked against what the lead said. */
export function checkCriteria(f: QualificationFacts, c: Criteria): CriterionCheck[] {
  const out: CriterionCheck[] = [];
  if (c.budgetMinInr !== undefined || c.budgetMaxInr !== undefined) {
    const want = range(c.budgetMinInr, c.budgetMaxInr);
    out.push(
      f.budget
        ? {
            criterion: 'budget',
            met: budgetFits(f.budget, c),
            reason: `Budget ${range(f.budget.min, f.budget.max)} ${budgetFits(f.budget, c) ? 'fits' : 'is outside'} ${want}`,
          }
        : { criterion: 'budget', met: null, reason: `Budget not stated (campaign wants ${want})` },
    );
  }
  if (c.purchaseTimelines?.length) {
    const ok = f.timeline ? c.purchaseTimelines.includes(f.timeline) : null;
    out.push({
      criterion: 'timeline',
      met: ok,
      reason: f.timeline
        ? `Timeline ${f.timeline} ${ok ? 'is within' : 'is outside'} ${c.purchaseTimelines.join('/')}`
        : 'Timeline not stated',
    });
  }
  if (c.propertyTypes?.length) {
    const ok = f.propertyType ? c.propertyTypes.includes(f.propertyType) : null;
    out.push({
      criterion: 'propertyType',
      met: ok,
      reason: f.propertyType
        ? `Wants a ${f.propertyType}${ok ? '' : `, not one of ${c.propertyTypes.join('/')}`}`
        : 'Property type not stated',
    });
  }
  if (c.locations?.length) {
    const wanted = c.locations.map((l) => l.toLowerCase());
    const ok = f.locations.length ? f.locations.some((l) => wanted.includes(l.toLowerCase())) : null;
    out.push({
      criterion: 'locations',
      met: ok,
      reason: f.locations.length ? `Wants ${f.locations.join(', ')}${ok ? '' : `, not ${c.locations.join('/')}`}` : 'No location stated',
    });
  }
  if (c.financingStatuses?.length) {
    const ok = f.financing ? c.financingStatuses.includes(f.financing) : null;
    out.push({ criterion: 'financing', met: ok, reason: f.financing ? `Financing: ${f.financing}` : 'Financing not stated' });
  }
  if (c.requireDecisionMaker) {
    out.push({
      criterion: 'decisionMaker',
      met: f.decisionMaker === true ? true : f.decisionMaker === false ? false : null,
      reason:
        f.decisionMaker === true
          ? 'Lead is a decision maker'
          : f.decisionMaker === false
            ? 'Someone else decides'
            : 'Decision maker not confirmed',
    });
  }
  return out;
}

const WEIGHTS: Record<CriterionCheck['criterion'], number> = {
  budget: 30,
  timeline: 20,
  propertyType: 10,
  locations: 10,
  financing: 10,
  decisionMaker: 10,
};
const INTEREST_POINTS: Record<InterestLevel, number> = { high: 10, medium: 6, low: 2, none: 0 };

/**
 * 0–100 against the campaign's criteria: full weight for a criterion met, a third for one the
 * lead left open (or the campaign does not set, if the lead stated it), nothing for one failed;
 * plus interest. Scaled so a lead meeting everything scores 100.
 */
export function scoreLead(f: QualificationFacts, c: Criteria): { score: number; reasons: string[] } {
  const checks = checkCriteria(f, c);
  const reasons = checks.map((k) => k.reason);
  let got = 0;
  let max = 0;
  for (const [criterion, weight] of Object.entries(WEIGHTS) as Array<[CriterionCheck['criterion'], number]>) {
    max += weight;
    const k = checks.find((x) => x.criterion === criterion);
    if (k) got += k.met === true ? weight : k.met === null ? weight / 3 : 0;
    else {
      const stated = {
        budget: f.budget,
        timeline: f.timeline,
        propertyType: f.propertyType,
        locations: f.locations.length ? f.locations : null,
        financing: f.financing,
        decisionMaker: f.decisionMaker,
      }[criterion];
      got += stated !== null && stated !== false ? weight : weight / 3;
    }
  }
  max += 10;
  got += INTEREST_POINTS[f.interestLevel];
  reasons.push(`Interest ${f.interestLevel}`);
  return { score: Math.max(0, Math.min(100, Math.round((got / max) * 100))), reasons };
}

export interface OutcomeFacts extends QualificationFacts {
  conversation: boolean;
  refused: boolean;
  humanNeeded: HumanNeed | null;
  callbackAt: string | null;
}

/**
 * The call's outcome, by precedence: no_conversation → not_interested → human_input_needed →
 * callback_requested (a specific time) → qualified (interested, budget and timeline stated, every
 * criterion the campaign sets met) → follow_up.
 */
export function decideOutcome(f: OutcomeFacts, c: Criteria): Outcome {
  if (!f.conversation) return 'no_conversation';
  if (f.refused) return 'not_interested';
  if (f.humanNeeded) return 'human_input_needed';
  if (f.callbackAt) return 'callback_requested';
  // A lead who answered the qualifying questions and meets every criterion is qualified even when
  // they sounded lukewarm ("no rush"); only a lead with no interest at all is not.
  const interested = f.interestLevel !== 'none';
  if (
    interested &&
    f.budget &&
    f.timeline &&
    checkCriteria(f, c).every((k) => k.met !== false && (k.met === true || k.criterion !== 'decisionMaker'))
  ) {
    return 'qualified';
  }
  return 'follow_up';
}
