import type { TranscriptTurn } from '@soraaya/contracts';
import { norm, sentences, userTurns } from './transcript-view';

export type Financing = 'pre_approved' | 'needs_financing' | 'cash_buyer';

const PRE_APPROVED =
  /\b(?:pre-?approved|pre ?approved|preapproval|pre-?sanctioned|sanction letter|loan (?:is |has been |already )?(?:approved|sanctioned)|approved loan|sanctioned loan|loan approve ho gaya|in-principle approval|(?:approved|sanctioned|cleared) (?:the |my |our )?(?:home |housing )?loan|loan (?:sanction|approval) letter|loan (?:is |was )?already (?:approved|sanctioned|cleared))\b/;
const NOT_APPROVED =
  /\b(?:not (?:yet )?(?:been )?approved|approve nahi|approved nahi|nahi hua|haven't (?:got|received)|not sanctioned|awaiting approval|waiting for (?:the )?approval)\b/;
const CASH = [
  /\bno,? (?:no )?(?:home |bank )?loans?\b/,
  /\bwithout (?:a |any )?loan\b/,
  /\b(?:don't|do not|won't|will not|wouldn't) (?:need|take|want|require)(?: a| any)? (?:home )?loan\b/,
  /\bnot (?:taking|going for) (?:a |any )?loan\b/,
  /\bloan (?:nahi|ki zaroorat nahi|nahi chahiye|nahi lenge|nahi lena)\b/,
  /\b(?:all |full |pure )?cash\b(?! ?back)/,
  /\bfull payment\b/,
  /\boutright\b/,
  /\bown funds\b/,
  /\bself[- ]fund/,
  /\bfrom (?:my|our) (?:savings|own pocket)\b/,
  /\bsale proceeds\b|\b(?:sell|selling) (?:our|my|the) (?:\w+ )?(?:place|flat|house|home|apartment|property|plot|shares|stocks)\b(?![^.]{0,30}\bloan\b)/,
  /\b(?:sold|liquidat\w+|cashed (?:in|out)) (?:some |my |our )?(?:shares|stocks|esops|investments|property|flat|plot|land)\b/,
  /\b(?:the )?money (?:is )?(?:sitting|ready|arranged)\b/,
  /\bpaisa ready\b/,
  /\btransfer the funds\b/,
  /\bnre account\b/,
  /\bpay (?:it )?(?:in )?full\b/,
  /\b(?:we|i) have the (?:money|funds)\b/,
  /\bno need (?:for|of) (?:a )?loan\b/,
];
const NEEDS = [
  /\b(?:take|taking|need|needs|needed|require|get|getting|apply for|applying for|want|go for|opt for)(?: a| the| an| some)? (?:small |smaller |little |partial |bit of (?:a )?)?(?:home |housing |bank |nri )?loan\b/,
  /\bloan (?:is |will be )?(?:needed|required|lena|lenge|leni|chahiye|pe|par|lagega|karenge|karna)\b/,
  /\bloan (?:for|of) (?:part|some|\d|about|around|maybe|sixty|forty|fifty|seventy)/,
  /\bmortgage\b/,
  /\bfinanc(?:e|ing) (?:is )?(?:needed|required)\b/,
  /\bbank se (?:baat|loan)\b/,
  /\bemi\b/,
];
const UNSURE =
  /\b(?:not sure|don't know|haven't decided|undecided|pata nahi|maybe)\b[^.]*\bloan\b|\bloan\b[^.]*\b(?:not sure|undecided|pata nahi)\b/;
const LOAN_QUESTION = /\b(?:loan|financ|fund|payment|pay for)/;

/**
 * How the lead will pay. A pre-approval (not negated) beats everything; a loan the lead will
 * take beats "the rest we have"; a clear no-loan or own-funds answer makes a cash buyer. A
 * bare yes/no to the assistant's loan question counts.
 */
export function extractFinancing(turns: readonly TranscriptTurn[]): Financing | null {
  let pre = false;
  let needs = false;
  let cash = false;
  for (const turn of userTurns(turns)) {
    const prompt = norm(turn.prompt);
    const asked = LOAN_QUESTION.test(prompt);
    const text = norm(turn.text);
    if (asked && /\bloan\b/.test(prompt)) {
      if (/^(?:yes|yeah|yep|haan|ha|ji haan|definitely|of course)\b/.test(text) && !/\bno loan\b/.test(text)) needs = true;
      else if (/^(?:no|nahi|nope|na)\b[.!,]?\s*(?:$|[a-z]*\s*(?:cash|full|own|outright|self|we'll pay|i'll pay|paying))/.test(text))
        cash = true;
    }
    if (asked && /\b(?:yourself|self|own|fund)\b/.test(prompt) && /^(?:myself|ourselves|self|own funds|self-funded)\b/.test(text))
      cash = true;
    for (const raw of sentences(turn.text)) {
      const s = norm(raw);
      if (PRE_APPROVED.test(s) && !NOT_APPROVED.test(s)) pre = true;
      if (UNSURE.test(s)) continue;
      const cashHere = CASH.some((p) => p.test(s));
      const needsHere =
        NEEDS.some((p) => p.test(s)) && !/\bno,? (?:no )?(?:home )?loan\b|\b(?:don't|won't|not) (?:need|take|taking)/.test(s);
      if (cashHere && !needsHere) cash = true;
      if (needsHere) needs = true;
    }
  }
  if (pre) return 'pre_approved';
  if (needs) return 'needs_financing';
  if (cash) return 'cash_buyer';
  return null;
}
