import type { TranscriptTurn } from '@soraaya/contracts';
import { norm, sentences, userTurns } from './transcript-view';

export type Sentiment = 'positive' | 'neutral' | 'negative';

/** Weighted cues, English and Hinglish. Each counts once per sentence; a negation just before flips it. */
const POSITIVE: Array<[RegExp, number]> = [
  [/\b(?:lovely|wonderful|perfect|great|excellent|fantastic|amazing|awesome|brilliant|superb|nice|cool|super(?![- ]?built| area)|wow)\b/, 1],
  [
    /\b(?:love|loved|like it|liked|likes|exactly what we want|sounds (?:good|great|nice|perfect|lovely)|looks (?:good|great|nice)|that works|works for me|happy|glad|excited|keen|very much|very interested|really interested|very good|really good|so good|dreaming (?:of|about)|looking forward|can't wait)\b/,
    1,
  ],
  [/\b(?:thank you so much|thanks so much|much appreciated|that will be useful|helpful)\b/, 1],
  [/\b(?:bahut badhiya|badhiya|bahut achha|mast|zabardast|pasand|accha laga|achha laga|shandaar|kamaal)\b/, 1],
  [/\b(?:i was going to call you|timing is good|good that you called)\b/, 1],
];
const NEGATIVE: Array<[RegExp, number]> = [
  [/\b(?:ridiculous|rubbish|nonsense|pathetic|useless|worst|terrible|horrible|disgusting|shameful|unacceptable|cheated|fraud|scam)\b/, 2],
  [/\b(?:complaint|complain|apology|harass\w*|annoy\w*|irritat\w*|frustrat\w*|angry|upset|disappoint\w*|fed up|waste of time)\b/, 2],
  [/\b(?:not interested|stop calling|don't call|do not call|remove my number|forget it|don't trust|not going to do this again)\b/, 2],
  [/\b(?:call mat karo|phone mat karo|dimag mat khao|pareshan|bakwas|bekaar|block kar dunga|kitni baar|list se hatao|number hatao)\b/, 2],
  [/\b(?:nobody was there|didn't pick up|no one came|not how you treat|otherwise we'll look elsewhere)\b/, 2],
  [
    /\b(?:take me off|leave me alone|(?:sold|leaked|selling) (?:my|our) (?:data|number|details)|i'?m (?:going to )?report(?:ing)?|(?:don't|do not) want to hear from|spam(?:ming)?|bothering|disturbing me)\b/,
    2,
  ],
  [/\b(?:no refund|nobody (?:replies|responds|answers)|no one (?:replies|responds|answers)|consumer (?:court|forum)|finally someone|how dare)\b/, 2],
  [/\b(?:too expensive|too much|bahut zyada|mehenga|mehnga|out of (?:my|our) budget)\b/, 1],
];
/** Negation in the few words before a cue: "not happy", "never interested", "wasn't great". */
const NEGATION_BEFORE = /\b(?:not|no|never|isn't|wasn't|aren't|weren't|don't|doesn't|didn't|hardly|nothing)\s+(?:(?:very|that|so|too|really|at all|much|particularly|exactly)\s+)?$/;
/** Hindi negation comes after: "achha nahi laga", "pasand nahi aaya". */
const NEGATION_AFTER = /^\s*(?:\w+\s+)?(?:nahi|nahin|nai)\b/;
/** Negated negatives that read as mild approval ("not bad", "not too bad at all"). */
const NOT_BAD = /\bnot (?:too |that |so )?bad\b|\bbura nahi\b/;
/** Softeners that should not count as cues themselves. */
const SOFTENERS = /\bnot really\b|\bno problem\b|\bno worries\b|\bnot a problem\b/g;

function cueScore(sentence: string, re: RegExp): number {
  for (const m of sentence.matchAll(new RegExp(re.source, 'g'))) {
    const before = sentence.slice(Math.max(0, m.index - 25), m.index);
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 15);
    const negated = NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(after);
    return negated ? -1 : 1;
  }
  return 0;
}

function score(text: string): number {
  let s = 0;
  for (const raw of sentences(text)) {
    const t = norm(raw).replace(SOFTENERS, ' ');
    if (NOT_BAD.test(t)) s += 1;
    for (const [re, w] of POSITIVE) {
      const c = cueScore(t, re);
      // "not happy" is a mild negative; "not great" likewise.
      s += c > 0 ? w : c < 0 ? -1 : 0;
    }
    // A negated negative ("not expensive", "not angry") is simply not a complaint.
    for (const [re, w] of NEGATIVE) if (cueScore(t, re) > 0) s -= w;
  }
  return s;
}

function label(s: number): Sentiment {
  if (s > 0) return 'positive';
  if (s < 0) return 'negative';
  return 'neutral';
}

export interface SentimentResult {
  overall: Sentiment;
  turns: Array<{ turn: number; sentiment: Sentiment }>;
}

/**
 * Lexicon sentiment per user turn and overall, with negation: "not happy" counts against,
 * "not bad" mildly for, "not expensive" not at all, and "not really" / "no problem" are
 * softeners, not cues. Overall is negative when strong negatives (hostility, complaints,
 * refusals) at least match the positives, positive when any warmth outweighs them, neutral
 * otherwise.
 */
export function analyzeSentiment(turns: readonly TranscriptTurn[]): SentimentResult {
  const perTurn = userTurns(turns).map((t) => ({ turn: t.index, score: score(t.text) }));
  const pos = perTurn.filter((t) => t.score > 0).reduce((a, t) => a + t.score, 0);
  const neg = -perTurn.filter((t) => t.score < 0).reduce((a, t) => a + t.score, 0);
  let overall: Sentiment = 'neutral';
  if (neg >= 2 && neg >= pos) overall = 'negative';
  else if (pos >= 1 && pos > neg) overall = 'positive';
  return { overall, turns: perTurn.map((t) => ({ turn: t.turn, sentiment: label(t.score) })) };
}
