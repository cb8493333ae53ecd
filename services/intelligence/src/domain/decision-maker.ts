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
/** The first words of an answer name the lead as (one of) the deciders. */
const FIRST_PERSON_ANSWER = new RegExp(
  String.raw`^(?:(?:well|honestly|so|actually|sir|ma'?am|ji)[, ]+)*(?:i\b|me\b|myself|mine|my own|main\b|mai\b|mera|meri|hum\b|we\b|us\b|both of us|dono|my ${RELATION} and (?:i|me|myself)\b)`,
);
/** "I'll ask my father", "I have to check with my wife": the lead is not the one deciding. */
const DEFERS = new RegExp(String.raw`\b(?:ask|check with|consult|run it by|take permission from|get approval from|poochh?(?:na|ke|unga|ungi)?)\b[^.]{0,20}\b${RELATION}\b`);

function firstClause(text: string): string {
  return text.split(/[.,;!?]/, 1)[0] ?? text;
}

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
    if (/\b(?:decision|final call|final say|decide|deciding|involved)\b/.test(prompt) && !OTHERS_DECIDE.some((p) => p.test(text))) {
      if (/^(?:yes|yeah|haan|ji|yes,? (?:i|me))\b/.test(text) && !/\b(?:no|not|son|wife|husband)\b/.test(text.slice(0, 20))) result = true;
      if (/\b(?:together|jointly)\b/.test(text)) result = true;
      if (/\bwho\b/.test(prompt) && SELF_ANSWER.test(text)) result = true;
      // "Anyone else involved?" "No, ..." : the lead decides alone.
      if (/\b(?:anyone|anybody|someone|somebody) else\b|\binvolved\b/.test(prompt) && /^(?:no|nope|nahi|nahin|not really)\b/.test(text)) result = true;
      // The answer's own subject is the lead, alone or with a spouse or co-decider ("My wife and I.",
      // "Mine and my wife's.", "Main hi lunga", "Hum dono milke"), unless they defer to someone.
      if (FIRST_PERSON_ANSWER.test(firstClause(text)) && !DEFERS.test(text)) result = true;
    }
    for (const raw of sentences(turn.text)) {
      const s = norm(raw);
      if (OTHERS_DECIDE.some((p) => p.test(s))) result = false;
      else if (DECIDES.some((p) => p.test(s))) result = true;
    }
  }
  return result;
}
