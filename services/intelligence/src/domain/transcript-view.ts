import type { TranscriptTurn } from '@soraaya/contracts';

/** A user turn with the assistant turn just before it, which gives a bare "yes" its meaning. */
export interface UserTurn {
  /** Index into the full list of turns. */
  index: number;
  text: string;
  /** The assistant's last words before this turn, or '' when the user spoke first. */
  prompt: string;
  /** Everything the assistant said before this turn (prices it quoted, places it named). */
  assistantBefore: string;
}

/** The user's turns in order, each with its assistant context. */
export function userTurns(turns: readonly TranscriptTurn[]): UserTurn[] {
  const out: UserTurn[] = [];
  let prompt = '';
  let assistantBefore = '';
  turns.forEach((t, index) => {
    if (t.role === 'assistant') {
      prompt = t.text;
      assistantBefore += ` ${t.text}`;
      return;
    }
    out.push({ index, text: t.text, prompt, assistantBefore });
  });
  return out;
}

/**
 * Sentences of a turn. Splits on . ! ? and ellipses but keeps decimals ("1.5 cr") and
 * clock times ("4.30") whole.
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<!\d)[.!?]+(?=\s|$)|(?<=\d)[.!?]+(?=\s|$)|\.{2,}|…/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Lower-case, curly quotes straightened, dashes unified, spaces collapsed. */
export function norm(text: string): string {
  return text.toLowerCase().replace(/[‘’`]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
}

/** True when any of the patterns matches the (normalised) text. */
export function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}

/** A short quote for an objection or reason: the sentence, trimmed to the schema's limit. */
export function quote(text: string, max = 300): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
