import type { TranscriptTurn } from '@soraaya/contracts';
import type { BudgetInr } from './budget';
import { norm, userTurns } from './transcript-view';
import type { Timeline } from './timeline';

export type InterestLevel = 'high' | 'medium' | 'low' | 'none';

export interface InterestFacts {
  conversation: boolean;
  refused: boolean;
  budget: BudgetInr | null;
  timeline: Timeline | null;
  propertyType: string | null;
  locations: string[];
  decisionMaker: boolean | null;
  callbackAt: string | null;
  humanNeeded: string | null;
  /** Objection categories raised, if known: a price objection tempers interest. */
  objections?: readonly string[];
}

const KEEN =
  /\b(?:very interested|really interested|i'?m keen|very keen|very much|i was going to call|exactly what we want|jaldi karna|jaldi chahiye|immediately|can't wait|definitely interested|let's do it|want the|(?:we|i)(?: are|'re| am|'m) (?:very |quite |really )?serious|serious buyers?|non-negotiable|want to (?:come (?:and )?(?:see|look)|visit|see the (?:site|flat|villa|property|project|place|sample flat|unit|house))|(?:come|coming) (?:and|to) see|dreaming (?:of|about)|zaroor (?:lena|dekhna)|pakka lena)\b/;
const INTERESTED = /\b(?:i'?m interested|we'?re interested|interested hoon|interested hain|still interested|i am interested|we are interested)\b/;
const LUKEWARM =
  /\b(?:just browsing|only browsing|just looking|sense of prices|no hurry|not in a hurry|no rush|baad mein|kabhi bhi|dekhti hoon|dekhta hoon|maybe someday|no pressure)\b/;
/** A negation just before a cue ("not very interested", "not that keen") cancels it. */
const NEGATED = /\b(?:not|never|no longer|isn't|aren't|wasn't|hardly)\s+(?:\w+\s+)?$/;

function cue(text: string, re: RegExp): boolean {
  for (const m of text.matchAll(new RegExp(re.source, 'g'))) {
    if (!NEGATED.test(text.slice(Math.max(0, m.index - 20), m.index))) return true;
  }
  return false;
}

/**
 * How interested the lead is: none for a refusal or no conversation; otherwise points for each
 * concrete thing they shared (budget, near timeline, type, place) and for eager words, less for
 * "someone else decides"; lukewarm words with little shared make it low.
 */
export function assessInterest(turns: readonly TranscriptTurn[], f: InterestFacts): InterestLevel {
  if (!f.conversation || f.refused) return 'none';
  const text = userTurns(turns)
    .map((t) => norm(t.text))
    .join(' \n ');
  let points = 0;
  if (f.budget) points += 1;
  if (f.timeline && f.timeline !== '1_year') points += 1;
  if (f.propertyType) points += 0.5;
  if (f.locations.length > 0) points += 0.5;
  if (cue(text, KEEN)) points += 2;
  else if (cue(text, INTERESTED)) points += 1;
  if (f.decisionMaker === false) points -= 1;
  const lukewarm = cue(text, LUKEWARM);
  if (lukewarm && points < 2.5) return 'low';
  // A complaint is a reason to call, not a sign of interest.
  if (points <= 0.5 && !f.callbackAt && (!f.humanNeeded || f.humanNeeded === 'complaint')) return 'low';
  // Keen on paper but unhurried, or balking at the price: interested, not hot.
  if (lukewarm || f.objections?.includes('price')) return 'medium';
  return points >= 2.5 ? 'high' : 'medium';
}
