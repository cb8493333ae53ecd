import type { TranscriptTurn } from '@soraaya/contracts';
import { norm, sentences, userTurns } from './transcript-view';

/** Provider end reasons that mean nobody picked up (VAPI and Twilio spellings). */
const NO_PICKUP_REASON =
  /voicemail|did-not-answer|no-answer|busy|failed-to-connect|machine-detected|no_answer|unanswered|not-reachable|canceled|cancelled/i;
/** Recorded greetings and carrier announcements transcribed as if the user spoke. */
const MACHINE =
  /\b(?:you'?ve reached|leave (?:a|your) message|after the (?:beep|tone)|is not available|not reachable|switched off|please try again later|the number you (?:are calling|have (?:dialled|dialed|called))|subscriber you have called|out of coverage|voice ?mail|mailbox|uplabdh nahi|uplabdh nahin|sampark|prayas karein|vyast hai)\b/;
/** Words that carry no content: greetings, "can you hear me", "who is it". */
const FILLER =
  /\b(?:hello|hallo|helo|hi|hey|haan|han|ha|haa|ji|yes|yeah|ya|hmm|hm|umm|uh|ok|okay|kaun|who|is|this|it|speaking|bolo|boliye|bol|rahe|raha|rahi|ho|hai|hain|awaaz|awaz|aawaz|nahi|nahin|aa|sun|sunai|de|can|you|hear|me|i|can't|cannot|sorry|what|kya|pa|line|breaking|up|are|there|audible|achha|accha|main|mein|hoon)\b/g;

/** A sentence about a bad line, in any language the leads speak, says nothing about the lead. */
const CANNOT_HEAR =
  /\b(?:can'?t|cannot|could ?n'?t|could not|unable to) hear\b|\bnot audible\b|\b(?:awaaz|awaz|aawaz) (?:nahi|nahin|nai) aa\b|\bsunai (?:nahi|nahin) de\b|\bshona (?:jachchhe|jachhe|jacche) na\b|\bkelkalle\b|\bline (?:is )?(?:very )?(?:bad|breaking|not clear)\b/;

/** True when the user said something with content, not just "hello? haan?" or a recorded message. */
export function userSaidSomething(turns: readonly TranscriptTurn[]): boolean {
  return userTurns(turns).some((t) => {
    const text = norm(t.text);
    if (MACHINE.test(text)) return false;
    // Drop only the clauses about the line: "I can't hear you well, but I want Powai" still said something.
    const rest = sentences(text)
      .flatMap((s) => s.split(/[,;]|\bbut\b/))
      .filter((clause) => !CANNOT_HEAR.test(clause))
      .join(' ')
      .replace(FILLER, ' ')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    return rest.length > 0;
  });
}

/** Nobody picked up, a machine answered, or the user never said anything meaningful. */
export function isNoConversation(turns: readonly TranscriptTurn[], endedReason: string | null): boolean {
  if (endedReason && NO_PICKUP_REASON.test(endedReason)) return true;
  return !userSaidSomething(turns);
}

const REFUSAL = [
  /\b(?:i'?m|i am|we'?re|we are|am)\s+(?:really\s+|just\s+|honestly\s+|simply\s+|totally\s+|actually\s+)?not\s+interested\b(?!\s+in\s+(?!buying|anything|purchasing|any|propert|this|it\b|your))/,
  /^(?:no,?\s+)*not interested\b/,
  /\bno longer (?:interested|looking)\b/,
  /\bnot looking (?:anymore|any more)\b/,
  /\b(?:bilkul|koi|mujhe|humein|hume|hamein|hamko|mujhko)\s+(?:bhi\s+)?interest nahi(?:n)?\b/,
  /\binterested nahi(?:n)? (?:hoon|hu|hain|hai)\b/,
  /\bwrong number\b|\bgalat number\b/,
  /\bthere'?s no \w+ here\b|\bno \w+ (?:lives )?here\b|\bkoi \w+ nahi (?:hai|rehta)\b/,
  /\b(?:stop|don't|do not|never) call(?:ing)?(?: me| us)?(?: again)?\b/,
  /\bcall mat karo\b|\bphone mat karo\b|\bdobara call mat\b/,
  /\bremove my number\b|\bnumber (?:hatao|hata do)\b|\blist se hatao\b/,
  /\b(?:take|strike|cross) (?:me|my (?:name|number|details)) off\b|\bremove (?:me|us|my (?:name|number|details|contact))?\s*from (?:your|the|this|every|all)\b[^.]{0,20}\blists?\b/,
  /\b(?:don't|do not|never) want to (?:hear from|be (?:called|contacted))\b|\bleave me alone\b/,
  /\bno requirement(?: as such)?(?: now| anymore| any more| at all)?\s*(?:[.,!]|$)|\bno need (?:now|anymore|any more)\b|\b(?:ab|abhi|koi|ghar ki|property ki|flat ki) (?:koi )?(?:requirement|zaroorat|zarurat) (?:nahi|nahin|khatam)\b/,
  /\b(?:not|no longer) in the market\b|\bnot (?:buying|planning to buy) (?:anything|any property|now|anymore)\b/,
  /\bi'?ll pass\b|\bwe'?ll pass\b|\bnot for (?:me|us)\b,? (?:thanks|thank you)/,
  /\bdecided against\b/,
  /\bplan (?:drop|cancel) kar diya\b|\bdropped the plan\b/,
  /\bforget it\b/,
  /\bmujhe (?:kuch )?nahi chahiye\b/,
];
const ALREADY_BOUGHT = new RegExp(
  [
    // "already bought", "already we have purchased only", "we have already finalised"
    String.raw`\balready (?:\w+ ){0,3}(?:bought|booked|purchased|finali[sz]ed|closed (?:a|the|on)|taken (?:a|one))\b(?! (?:a |the |our |my )?(?:site visit|visit|slot|appointment|meeting|call|ticket|flight))`,
    String.raw`\b(?:we|i) (?:have |'ve )?(?:just |recently )?(?:bought|purchased|booked|took|taken|got|registered) (?:a|one|an|the|our)? ?(?:\w+ ){0,2}(?:flat|apartment|villa|house|home|place|unit|plot|property)\b.{0,50}\b(?:last|this|ago|already|itself|recently)\b`,
    String.raw`\b(?:le liya|kharid liya|khareed liya|book kar liya|kharid li)\b`,
  ].join('|'),
);
/** The lead's housing is sorted: they bought or moved elsewhere, said without the word "bought". */
export const HOUSING_SORTED =
  /\b(?:we|i)(?:'ve| have) (?:already )?(?:sorted|settled|figured out|taken care of) (?:our|my|the) (?:housing|house|home|accommodation)\b|\b(?:we|i) (?:just |recently |already )?moved into (?:a|our|the|my) (?:new )?(?:place|home|house|flat|apartment|villa)\b|\b(?:we'?re|we are|i'?m|i am) (?:quite|already|happily|well|all) settled\b/;
const STILL_LOOKING = /\b(?:still looking|another|second (?:home|property|flat)|one more|also looking|investment)\b/;

/** The lead turned the offer down: refusal, wrong number, stop calling, or already bought. */
export function refused(turns: readonly TranscriptTurn[]): boolean {
  const users = userTurns(turns).map((t) => norm(t.text));
  if (users.some((u) => REFUSAL.some((p) => p.test(u)))) return true;
  const bought = users.findIndex((u) => ALREADY_BOUGHT.test(u) || HOUSING_SORTED.test(u));
  return bought >= 0 && !users.slice(bought).some((u) => STILL_LOOKING.test(u) && !/\bthanks, but\b|\bdone\b/.test(u));
}
