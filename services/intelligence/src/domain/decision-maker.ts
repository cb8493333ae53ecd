import type { TranscriptTurn } from '@soraaya/contracts';
import { norm, sentences, userTurns } from './transcript-view';

const RELATION = String.raw`(?:son|daughter|father|dad|papa|mother|mom|mummy|husband|wife|brother|sister|boss|uncle|family|parents|in-laws|father-in-law|partner|bhai|beta|beti)`;

/** The lead decides, alone or jointly with a spouse or co-decider. */
const DECIDES = [
  /\bi (?:am |'m )?(?:the )?(?:only|sole|final)? ?(?:one )?decid(?:e|ing)\b/,
  /\bi (?:alone )?(?:make|take) the (?:final )?(?:decision|call)\b/,
  /\b(?:it(?:'s| is) (?:my|our) (?:own )?(?:decision|money|call)|my own money|my decision)\b/,
  /\bi(?:'m| am) the decision[- ]maker\b/,
  /\bdecide together\b/,
  /\b(?:decide|deciding) (?:it )?(?:jointly|together)\b/,
  /\bjoint(?:ly)? decision\b/,
  /\bwe both decide\b/,
  new RegExp(String.raw`\b(?:my|me and my|me and|i and my) ${RELATION} and (?:i|me)\b.{0,30}\b(?:decide|together|call)`),
  new RegExp(String.raw`\b(?:me and (?:my )?${RELATION}|my ${RELATION} and i)\b[, ]*(?:we )?(?:will )?(?:decide|together)`),
  /\b(?:final (?:call|say|word|decision) is mine|it's my call|mera (?:hi )?decision|main hi decide|hum dono decide|main decide karunga|main decide karungi)\b/,
  /\bi (?:am|'m) (?:only )?deciding\b/,
  new RegExp(String.raw`\b(?:myself|me|i) and (?:my )?${RELATION}\b[^.]{0,25}\b(?:jointly|together|both|decide|will decide)\b`),
  /\b(?:it's|its|it is) (?:up to me|me who decides|me deciding)\b|\bi call the shots\b|\bthe buck stops with me\b/,
];
/** A first-person answer to "who decides?" ("Myself.", "Me and my wife.", "I do."). */
const SELF_ANSWER = new RegExp(String.raw`^(?:myself|me|i do|i will|i'll|mine|main|mai|i am|i'm)\b(?!\s+(?:not|don't|can't))(?![^.]{0,30}\b(?:my|his|her) ${RELATION} (?:decides|will decide))`);
/** Someone else decides. */
const OTHERS_DECIDE = [
  new RegExp(
    String.raw`\b(?:my|his|her|our) ${RELATION} (?:decides|will decide|makes the (?:final )?(?:decision|call)|has the final (?:say|word)|is the decision[- ]maker)\b`,
  ),
  /\bfinal (?:word|say|call|decision) (?:is|will be) (?:his|hers|theirs|with (?:him|her|them|my))\b/,
  /\b(?:not|isn't) (?:my|up to me)\b.{0,15}\bdecision\b|\bnot my decision\b|\bi (?:don't|do not) decide\b|\bi(?:'m| am) not the decision[- ]maker\b/,
  new RegExp(String.raw`\b${RELATION} (?:decide karenge|decide karega|decide karegi|ka decision hai)\b`),
];

/**
 * Whether the lead is the decision maker: true for "I decide" or a joint decision with a
 * spouse or co-decider, false when someone else has the final word, null when unsaid. A
 * "yes" to "is it you making the final call?" is true.
 */
export function extractDecisionMaker(turns: readonly TranscriptTurn[]): boolean | null {
  let result: boolean | null = null;
  for (const turn of userTurns(turns)) {
    const prompt = norm(turn.prompt);
    const text = norm(turn.text);
    if (/\b(?:decision|final call|final say|decide|deciding)\b/.test(prompt)) {
      if (/^(?:yes|yeah|haan|ji|yes,? (?:i|me))\b/.test(text) && !/\b(?:no|not|son|wife|husband)\b/.test(text.slice(0, 20))) result = true;
      if (/\b(?:together|jointly)\b/.test(text) && !OTHERS_DECIDE.some((p) => p.test(text))) result = true;
      if (/\bwho\b/.test(prompt) && SELF_ANSWER.test(text) && !OTHERS_DECIDE.some((p) => p.test(text))) result = true;
    }
    for (const raw of sentences(turn.text)) {
      const s = norm(raw);
      if (OTHERS_DECIDE.some((p) => p.test(s))) result = false;
      else if (DECIDES.some((p) => p.test(s))) result = true;
    }
  }
  return result;
}
