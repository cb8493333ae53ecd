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
}

const KEEN =
  /\b(?:very interested|really interested|i'?m keen|very keen|very much|i was going to call|exactly what we want|jaldi karna|jaldi chahiye|immediately|can't wait|definitely interested|let's do it|want the)\b/;
const INTERESTED = /\b(?:i'?m interested|we'?re interested|interested hoon|interested hain|still interested)\b/;
const LUKEWARM =
  /\b(?:just browsing|only browsing|just looking|sense of prices|no hurry|baad mein|kabhi bhi|dekhti hoon|dekhta hoon|maybe someday)\b/;

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
  if (KEEN.test(text)) points += 2;
  else if (INTERESTED.test(text)) points += 1;
  if (f.decisionMaker === false) points -= 1;
  if (LUKEWARM.test(text) && points < 2.5) return 'low';
  if (points <= 0.5 && !f.callbackAt && !f.humanNeeded) return 'low';
  return points >= 2.5 ? 'high' : 'medium';
}
