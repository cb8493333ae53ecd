import type { TranscriptTurn } from '@soraaya/contracts';
import { norm, userTurns } from './transcript-view';

export type Sentiment = 'positive' | 'neutral' | 'negative';

/** Weighted cues, English and Hinglish. Phrases are matched before single words. */
const POSITIVE: Array<[RegExp, number]> = [
  [/\b(?:lovely|wonderful|perfect|great|excellent|fantastic|amazing|awesome|brilliant|superb)\b/, 1],
  [
    /\b(?:love|loved|like it|liked|likes|exactly what we want|sounds good|that works|works for me|happy|glad|excited|keen|very much|very interested|really interested)\b/,
    1,
  ],
  [/\b(?:thank you so much|thanks so much|much appreciated|that will be useful|helpful)\b/, 1],
  [/\b(?:bahut badhiya|badhiya|bahut achha|mast|zabardast|pasand|accha laga|achha laga)\b/, 1],
  [/\b(?:i was going to call you|timing is good|good that you called)\b/, 1],
];
const NEGATIVE: Array<[RegExp, number]> = [
  [/\b(?:ridiculous|rubbish|nonsense|pathetic|useless|worst|terrible|horrible|disgusting|shameful|unacceptable|cheated|fraud|scam)\b/, 2],
  [/\b(?:complaint|complain|apology|harass\w*|annoy\w*|irritat\w*|frustrat\w*|angry|upset|disappoint\w*|fed up|waste of time)\b/, 2],
  [/\b(?:not interested|stop calling|don't call|do not call|remove my number|forget it|don't trust|not going to do this again)\b/, 2],
  [/\b(?:call mat karo|phone mat karo|dimag mat khao|pareshan|bakwas|bekaar|block kar dunga|kitni baar|list se hatao|number hatao)\b/, 2],
  [/\b(?:nobody was there|didn't pick up|no one came|not how you treat|otherwise we'll look elsewhere)\b/, 2],
  [/\b(?:too expensive|too much|bahut zyada|mehenga|mehnga|out of (?:my|our) budget)\b/, 1],
];

function score(text: string): number {
  const t = norm(text);
  let s = 0;
  for (const [re, w] of POSITIVE) if (re.test(t)) s += w;
  for (const [re, w] of NEGATIVE) if (re.test(t)) s -= w;
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
 * Lexicon sentiment per user turn and overall. Overall is negative when strong negatives
 * (hostility, complaints, refusals) at least match the positives, positive when any warmth
 * outweighs them, neutral otherwise.
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
