import type { TranscriptTurn } from '@soraaya/contracts';
import { HOUSING_SORTED } from './engagement';
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
      /\balready (?:\w+ ){1,3}(?:bought|booked|purchased|finali[sz]ed)\b(?! (?:a |the )?(?:site visit|visit|slot|appointment))/,
      /\b(?:we|i) (?:have |'ve )?(?:just |recently )?(?:took|taken|got|registered) (?:a|one|an|the)? ?(?:\w+ ){0,2}(?:flat|apartment|villa|house|home|place|unit|plot|property)\b.{0,50}\b(?:last|ago|already|itself|recently)\b/,
      /\blast (?:week|month|year) (?:itself |only )?(?:we|i) (?:took|bought|booked|purchased|got)\b/,
      HOUSING_SORTED,
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
      /\b(?:more|higher) than (?:what )?(?:we|i) (?:had )?(?:planned|budgeted|expected|wanted to spend|can (?:spend|afford|manage)|were thinking)\b/,
      /\b(?:above|beyond|over|outside) (?:my|our|the) (?:budget|range|means)\b|\bnot in (?:my|our) budget\b/,
      /\b(?:a bit of a|too much of a|big) stretch\b|\bcan'?t stretch\b/,
      /\bbudget se (?:zyada|jyada|bahar)\b/,
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
      /\bnext year dekhenge\b|\bbaad mein dekhenge\b/,
      /\bnot (?:this|for a) (?:year|while)\b/,
      /\bnot (?:looking|buying) (?:right )?now\b/,
      /\bmaybe (?:in )?(?:a year|next year)\b(?! ago)/,
      /\bnot ready (?:yet|to buy)\b/,
      /\bput (?:it|the plan|things) on hold\b/,
      /\bnot (?:the )?right time\b|\bnot a good time to (?:buy|invest)\b/,
      /\b(?:need|have|want|waiting for) (?:my |the |our )?(?:\w+ ){0,3}to (?:settle|sort (?:itself )?out|come through|clear|get sorted)(?: down)?(?: first)?\b/,
      /\bcloser to the (?:time|date)\b/,
      /\b(?:only )?after (?:my|the|our) (?:\w+ ){0,2}(?:is|are|gets?) (?:done|over|sorted|settled)\b/,
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
      /\bwho gave you (?:this|my) (?:number|data|details|contact)\b|\bwhere did you get (?:this|my) (?:number|data|details)\b/,
      /\b(?:sold|leaked|shared|selling|leaking) (?:my|our) (?:data|number|details|information|info)\b|\b(?:my|our) (?:data|number|details) (?:was |were |got |has been |have been )?(?:sold|leaked)\b/,
      /\b(?:been |got |getting )?(?:burned|burnt|bitten) (?:once |before|badly|twice)/,
      /\b(?:clean|clear) title\b|\bwithout (?:a |the )?(?:clean|clear|proper) (?:title|papers|documents)\b/,
      /\b(?:heard|read) (?:bad|terrible|mixed|negative) (?:things|reviews|stories)\b/,
    ],
  ],
  [
    'other',
    [
      /\bcomplaint\b|\bcomplain\b/,
      /\bnot how you treat\b/,
      /\bnobody (?:was there|showed up|came)\b|\bno one (?:was there|showed up|came)\b/,
      /\bcalled at (?:ten|eleven|\d+)(?: thirty)? (?:at night|last night)\b|\bnight calls?\b/,
      /\b(?:no|nobody|no one|none of you) (?:replies|replied|responds|responded|gets? back|got back|called back|answers|answered)\b/,
      /\b(?:no|still waiting for (?:my|the|a)?|haven'?t (?:got|received) (?:my|the|a)?) ?refund\b|\brefund (?:nahi|not)\b/,
      /\bconsumer (?:court|forum)\b|\b(?:bad|poor|worst|terrible|pathetic) (?:service|experience|follow-?up)\b/,
      /\b(?:sent|written|mailed) (?:\w+ ){0,2}(?:emails|mails|messages)\b.{0,30}\b(?:no|nobody|nothing|no one)\b/,
    ],
  ],
];

/** Complaints about being called at all; folded into the lead's reason when they give one. */
const CALLING_COMPLAINT = [
  /\b(?:stop|don't|do not|never) call(?:ing)?\b|\bcall mat karo\b|\bphone mat karo\b/,
  /\bremove my number\b|\bnumber (?:hatao|hata do)\b|\blist se hatao\b/,
  /\bkitni baar call\b|\b(?:fifth|third|fourth|tenth|\d+(?:st|nd|rd|th)) call\b|\bhow many times\b/,
  /\b(?:take|strike) (?:me|my (?:name|number|details)) off\b|\bremove (?:me|us)? ?from (?:your|the|every) (?:\w+ )?lists?\b/,
];
const DATA_TRUST =
  /\b(?:who gave you|where did you get|how did you get) (?:this|my)\b|\b(?:sold|leaked|shared|selling|leaking) (?:my|our) (?:data|number|details|info)|\b(?:my|our) (?:data|number|details) (?:was |were |got |has been |have been )?(?:sold|leaked)\b/;

/**
 * The lead's objections, one per category, each with the sentence that raised it. A lead who
 * says someone else decides gets not_decision_maker (passed in from the decision-maker
 * extractor). A plain wrong number has none. A far purchase horizon alone is not a timing
 * objection: "end of next year" is a plan, "not now" is an objection.
 */
export function extractObjections(
  turns: readonly TranscriptTurn[],
  decisionMaker: boolean | null = null,
): Objection[] {
  const out: Objection[] = [];
  const seen = new Set<ObjectionCategory>();
  const users = userTurns(turns);
  const wrongNumber = users.some((t) => /\bwrong number\b|\bgalat number\b/.test(norm(t.text)));
  // "Take me off your list" with a reason (leaked data, already bought) belongs to that reason.
  const boughtRules = RULES.find(([c]) => c === 'already_bought')![1];
  const hasReason = users.some((t) => {
    const u = norm(t.text);
    return DATA_TRUST.test(u) || boughtRules.some((p) => p.test(u));
  });
  const rules: Array<[ObjectionCategory, RegExp[]]> = hasReason ? RULES : [...RULES, ['other', CALLING_COMPLAINT]];
  for (const turn of users) {
    for (const raw of sentences(turn.text)) {
      const s = norm(raw);
      for (const [category, patterns] of rules) {
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
