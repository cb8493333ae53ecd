import type { TranscriptTurn } from '@soraaya/contracts';

/** Turns from a compact script: strings starting "A:" are the assistant, everything else the user. */
export function script(...lines: string[]): TranscriptTurn[] {
  return lines.map((l) =>
    l.startsWith('A:')
      ? { role: 'assistant', text: l.slice(2).trim(), start: null, end: null }
      : { role: 'user', text: l.replace(/^U:\s*/, ''), start: null, end: null },
  );
}

export const CR = 10_000_000;
export const LAKH = 100_000;
