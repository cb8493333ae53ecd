import type { TranscriptTurn } from '@soraaya/contracts';
import { norm, quote, sentences, userTurns } from './transcript-view';

export type ObjectionCategory = 'price' | 'location' | 'timing' | 'trust' | 'already_bought' | 'not_decision_maker' | 'other';
export interface Objection {
  category: ObjectionCategory;
  quote: string;
}

const RULES: Array<[ObjectionCategory, RegExp[]]> = [
  [
    'already_bought',
    [
      /\balready (?:bought|booked|purchased|finali[sz]ed|got (?:a|one)|closed)\b/,
      /\bwe (?:bought|booked|purchased) (?:a|one|the|our)\b.{0,40}\b(?:last|already|month|week|year)/,
      /\b(?:le liya|kharid liya|book kar liya|khareed liya)\b/,
      /\bbought (?:elsewhere|somewhere else|from someone else)\b/,
    ],
  ],
  [
    'price',
    [
      /\b(?:too|very|quite|really|bit|little) (?:expensive|costly|pricey|steep|high)\b/,
      /\bexpensive\b/,
      /\boverpriced\b/,
      /\bridiculous\b.{0,30}|\bthat's ridiculous\b/,
      /\b(?:can't|cannot|can not|won't be able to) afford\b/,
      /\bout of (?:my|our) (?:budget|range|reach)\b/,
      /\bbahut zyada hai\b|\bbahut jyada hai\b/,
      /\bmehen?ga\b|\bmehnga\b/,
      /\bsasta\b|\bcheaper\b/,
      /\bbudget se (?:bahar|upar)\b/,
      /\btoo much\b/,
      /\bprices? (?:are|is) (?:too |very )?(?:high|crazy|insane)\b/,
    ],
  ],
  [
    'location',
    [
      /\btoo far\b/,
      /\b(?:bahut|kaafi|bohot) door\b/,
      /\bfar from (?:my|our|the)\b/,
      /\bcommute\b.{0,30}\b(?:too|long|hours|bad)\b/,
      /\blocation (?:is|isn't) (?:not )?(?:good|convenient|right)\b/,
      /\bdon't like the (?:area|location|locality)\b/,
      /\bwrong (?:area|location)\b/,
    ],
  ],
  [
    'timing',
    [
      /\b(?:par|but) abhi nahi\b|^abhi nahi\b/,
      /\bnot (?:right )?now\b(?![^.]*\b(?:driving|meeting|busy|talk|call)\b)/,
      /\bjust browsing\b/,
      /\b(?:no|not in a) hurry\b/,
      /\bnext year dekhenge\b|\bbaad mein dekhenge\b/,
      /\bnot (?:this|for a) (?:year|while)\b/,
      /\bnot (?:looking|buying) (?:right )?now\b/,
      /\bmaybe (?:in )?(?:a year|next year)\b(?! ago)/,
      /\bnot ready (?:yet|to buy)\b/,
      /\bput (?:it|the plan) on hold\b/,
    ],
  ],
  [
    'trust',
    [
      /\b(?:don't|do not|can't|cannot) trust\b/,
      /\btrust (?:issue|builders|developers)\b/,
      /\bbharosa nahi\b/,
      /\bstill don't have possession\b|\bdelayed (?:project|possession)\b/,
      /\b(?:cheated|fraud|scam)\b/,
      /\btitle (?:is |clear|documents|search)\b|\bland title\b/,
      /\blitigation\b|\bcourt case\b|\bdispute\b/,
      /\beverybody says that\b/,
      /\bhow did you get my (?:number|data|details)\b/,
    ],
  ],
  [
    'other',
    [
      /\b(?:stop|don't|do not|never) call(?:ing)?\b|\bcall mat karo\b|\bphone mat karo\b/,
      /\bremove my number\b|\bnumber (?:hatao|hata do)\b|\blist se hatao\b/,
      /\bkitni baar call\b|\b(?:fifth|third|fourth|tenth|\d+(?:st|nd|rd|th)) call\b|\bhow many times\b/,
      /\bcomplaint\b|\bcomplain\b/,
      /\bnot how you treat\b/,
      /\bnobody (?:was there|showed up|came)\b|\bno one (?:was there|showed up|came)\b/,
      /\bcalled at (?:ten|eleven|\d+)(?: thirty)? (?:at night|last night)\b|\bnight calls?\b/,
    ],
  ],
];

/**
 * The lead's objections, one per category, each with the sentence that raised it. A lead who
 * says someone else decides gets not_decision_maker (passed in from the decision-maker
 * extractor). A plain wrong number has none.
 */
export function extractObjections(turns: readonly TranscriptTurn[], decisionMaker: boolean | null = null): Objection[] {
  const out: Objection[] = [];
  const seen = new Set<ObjectionCategory>();
  const users = userTurns(turns);
  const wrongNumber = users.some((t) => /\bwrong number\b|\bgalat number\b/.test(norm(t.text)));
  for (const turn of users) {
    for (const raw of sentences(turn.text)) {
      const s = norm(raw);
      for (const [category, patterns] of RULES) {
        if (seen.has(category)) continue;
        if (wrongNumber && category === 'other') continue;
        if (patterns.some((p) => p.test(s))) {
          // A price objection needs a price on the table, not the lead's own ceiling ("usse zyada nahi").
          seen.add(category);
          out.push({ category, quote: quote(raw) });
        }
      }
    }
  }
  if (decisionMaker === false && !seen.has('not_decision_maker')) {
    const q = users.find((t) => /\bdecid|\bfinal (?:word|say|call)\b/.test(norm(t.text)));
    out.push({ category: 'not_decision_maker', quote: quote(q?.text ?? '') });
  }
  return out;
}
