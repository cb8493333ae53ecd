import { createHash } from 'node:crypto';
import type { TranscriptTurn } from '@soraaya/contracts';

const PREFIX = /^\s*(ai|assistant|bot|agent|user|customer|lead|human|caller)\s*:\s*/i;
const ASSISTANT = new Set(['ai', 'assistant', 'bot', 'agent']);

/**
 * Turns from the dialer's plain transcript ("AI: …\nUser: …"). Lines without a speaker prefix
 * continue the previous turn; text before the first prefix is dropped. Times are unknown.
 */
export function parseTranscriptText(text: string): TranscriptTurn[] {
  const turns: TranscriptTurn[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = PREFIX.exec(line);
    if (m) {
      const role = ASSISTANT.has(m[1]!.toLowerCase()) ? 'assistant' : 'user';
      const body = line.slice(m[0].length).trim();
      const prev = turns[turns.length - 1];
      // Two lines in a row from one speaker are one turn.
      if (prev && prev.role === role) prev.text = `${prev.text} ${body}`.trim();
      else turns.push({ role, text: body, start: null, end: null });
    } else if (line.trim() && turns.length > 0) {
      const prev = turns[turns.length - 1]!;
      prev.text = `${prev.text} ${line.trim()}`.trim();
    }
  }
  return turns.filter((t) => t.text.length > 0);
}

/** sha256 of the turns as canonical JSON (fixed key order, trimmed text), to spot re-deliveries. */
export function transcriptHash(turns: readonly TranscriptTurn[]): string {
  const canonical = JSON.stringify(turns.map((t) => ({ role: t.role, text: t.text.trim(), start: t.start, end: t.end })));
  return createHash('sha256').update(canonical).digest('hex');
}
