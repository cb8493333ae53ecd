import type { TranscriptTurn } from '@soraaya/contracts';
import { norm, userTurns } from './transcript-view';

export type HumanNeed = 'asked_for_human' | 'complaint' | 'site_visit_family' | 'legal_question' | 'price_negotiation' | 'emergency';

const ASKED_FOR_HUMAN = [
  /\breal person\b/,
  /\b(?:a |an )?(?:actual|real|live) (?:human|person|agent|salesperson|sales person)\b/,
  /\btalk to (?:a |an )?(?:human|person)\b/,
  /\b(?:speak|talk) (?:to|with) (?:your |a |the )?(?:manager|senior|salesperson|sales person|sales team|relationship manager|someone senior)\b/,
  /\b(?:senior|sales) manager\b.{0,40}\bcall me\b|\bwant (?:your |a )?(?:senior|manager)\b/,
  /\binsaan se baat\b|\basli (?:salesperson|aadmi|insaan|banda)\b/,
  /\b(?:robot|bot|machine) se baat nahi\b|\bnot (?:talk|speak)(?:ing)? to a (?:bot|robot|machine)\b/,
  /\bkisi (?:insaan|aadmi|person) se\b/,
  /\bhuman being\b/,
  /\bprefer (?:to talk to |speaking to )?(?:a )?(?:real )?person\b/,
  /\b(?:put me through|connect me|transfer (?:me|the call|this call)|patch me through)\b(?: to| with)?/,
  /\b(?:speak|talk|baat)(?: to| with)? (?:your |the |a )?(?:sales |senior |area |branch |project )?(?:manager|supervisor|incharge|in-charge)\b|\b(?:speak|talk)(?: to| with) (?:your |the )?(?:sales|branch|project|area|site) head\b/,
  /\b(?:someone|somebody|anyone|a person) (?:from|at|in) (?:your|the) (?:office|team|company|side|end|sales team)\b/,
  /\b(?:someone|somebody) (?:senior|more senior|in charge|responsible|who (?:knows|can decide|can actually))\b/,
  /\bkisi (?:senior|manager|bade|badey|officer|sahab|insaan|aadmi|person) se\b|\bkoi (?:senior|manager|insaan|aadmi) se\b/,
  /\b(?:your|a) (?:human|live) (?:agent|colleague|representative|executive)\b|\bhuman (?:agent|representative|executive)\b/,
];
const GRIEVANCE = [
  /\bcomplaint\b|\bcomplain\b|\bshikayat\b/,
  /\bnobody (?:was there|showed up|came)\b|\bno one (?:was there|showed up|came)\b/,
  /\bnot how you treat\b/,
  /\b(?:written )?apology\b/,
  /\bdidn't pick up\b|\bnever called back\b/,
  /\bunprofessional\b/,
  /\bnight calls?\b|\bat night\b/,
  /\bconsumer (?:court|forum)\b/,
  /\b(?:no|nobody|no one) (?:replies|replied|responds|responded|gets? back|got back|called back)\b/,
  /\b(?:no|still waiting for (?:my|the|a)?|haven'?t (?:got|received) (?:my|the|a)?) ?refund\b|\brefund (?:nahi|not)\b/,
  /\b(?:bad|poor|worst|terrible|pathetic) (?:service|experience|follow-?up)\b|\bharass/,
];
const ESCALATE = /\b(?:manager|senior|escalate|supervisor|someone (?:senior|responsible)|head of|apology|complaint)\b/;
const LEGAL = [
  /\brera (?:number|registration|no|id|certificate)\b|\brera registered\?/,
  /\b(?:land |clear )?title\b/,
  /\blitigation\b|\bcourt case\b|\bencumbrance\b/,
  /\bstamp duty\b/,
  /\bpower of attorney\b|\bpoa\b/,
  /\btds\b/,
  /\boccupancy certificate\b|\b(?:oc|cc)\b(?= (?:received|status|aaya|mila))/,
  /\blegal (?:team|advice|documents|opinion|check)\b/,
  /\bfema\b|\brepatriat/,
  /\bsale deed\b|\bagreement for sale\b|\bregistration (?:charges|process)\b/,
  /\b(?:completion|commencement) certificate\b|\bconveyance deed\b|\b(?:title|mother) deed\b/,
];
/** A crisis on the lead's side: nobody should sell to them now. */
const EMERGENCY =
  /\b(?:emergency|ambulance|icu|accident|heart attack|stroke|passed away|funeral|cremation|critical condition)\b|\b(?:admitted|rushed) (?:to |in(?:to)? )?(?:the )?hospital\b|\bhospital mein (?:admit|bharti|bhartee)\b/;
/** Bargaining the agent may not do: a discount, a better or final price, a counter-offer. */
const NEGOTIATE =
  /\b(?:discount|negotiat\w*|best price|final price|better price|last price|lowest price|bring (?:it|the price|that) down|come down (?:on|to)|counter[- ]?offer|reduce the price|(?:rate|price|daam|keemat) (?:thoda )?kam|kam (?:karo|kar do|kar dijiye|karenge|ho sakta)|(?:can|will) you do (?:it )?(?:at|for) \d)/;
/** A counter-offer against the quoted price ("I can do eleven crore, all inclusive. Not a rupee more."). */
const COUNTER_OFFER =
  /\bnot a (?:single )?(?:rupee|paisa) more\b|\b(?:won'?t|will not) pay (?:\w+ ){0,4}(?:crores?|cr|lakhs?)\b|\bi can do (?:\w+ ){1,4}(?:crores?|cr|lakhs?)\b[^.]{0,40}\b(?:all[- ]inclusive|all[- ]in|i sign|i close)\b/;

/** Short legal terms (OC, khata, GST, NOC) count only in a plain question. */
const LEGAL_TERM =
  /\boc\b|\b(?:a|b|e)[- ]?khata\b|\bkhata\b|\bpatta\b|\bmutation\b|\bgst\b|\bfreehold\b|\bleasehold\b|\bnoc\b|\bsanctioned plan\b|\bapproved (?:building )?plan\b/;
const PLAIN_QUESTION = /\?|\b(?:what|how much|which|whether|kya|kitna|kitni|kaise|tell me|want to know|explain|applicable|status)\b/;
const QUESTIONISH = /\?|\b(?:what|how|is|are|can|does|do|will|kya|kaise|want to know|tell me|send me|explain|clear)\b/;
const VISIT =
  /\b(?:site visit|visit|see the (?:sample flat|site|project|flat|villa|property|place|house|unit)|show (?:us|me) (?:the|around)|come (?:and |to |over and |down and )?(?:see|look|check)|dekhne (?:aayenge|aana|aaenge|aa)|dekhna hai)\b/;
const FAMILY =
  /\b(?:whole family|entire family|family|parents|mother-in-law|father-in-law|son-in-law|daughter-in-law|in-laws|husband|wife|kids|children|mother|father|grandparents|brother|sister|relatives|sab log|poori family|gharwale)\b/;
const ARRANGE =
  /\b(?:arrange|organi[sz]e|coordinate|(?:someone|somebody) (?:from your (?:side|office|team)|to)|set (?:it )?up|wheelchair|stick|walker|stairs|elderly|pick(?: |-)?up|book (?:a |the )?(?:slot|visit)|be there to (?:show|receive|meet))\b/;

/**
 * Why a person must step in, by precedence: an emergency on the lead's side; a grievance with a call for someone senior is a
 * complaint; then a legal or title question; then a family site visit to arrange; then
 * bargaining over the price; then a plain request for a human.
 */
export function extractHumanNeed(turns: readonly TranscriptTurn[]): HumanNeed | null {
  const users = userTurns(turns).map((t) => norm(t.text));
  const all = users.join(' \n ');
  if (EMERGENCY.test(all)) return 'emergency';
  const grievance = GRIEVANCE.some((p) => p.test(all));
  if ((grievance && ESCALATE.test(all)) || /\bi have a complaint\b|\bcomplaint (?:karni|register|darj)\b/.test(all)) return 'complaint';
  if (users.some((u) => (LEGAL.some((p) => p.test(u)) && QUESTIONISH.test(u)) || (LEGAL_TERM.test(u) && PLAIN_QUESTION.test(u)))) {
    return 'legal_question';
  }
  // The visit and the family often come in neighbouring turns ("we want to see the sample flat" … "the whole family will come").
  const familyToArrange = users.some((u) => FAMILY.test(u) && (ARRANGE.test(u) || /\b(?:whole|entire|poori) family\b/.test(u)));
  if (VISIT.test(all) && familyToArrange) return 'site_visit_family';
  if (users.some((u) => NEGOTIATE.test(u) || COUNTER_OFFER.test(u))) return 'price_negotiation';
  if (ASKED_FOR_HUMAN.some((p) => p.test(all))) return 'asked_for_human';
  return null;
}
