import type { TranscriptTurn } from '@soraaya/contracts';

/**
 * The conversation with timings from a VAPI end-of-call report's
 * `artifact.messages`: bot and user messages become assistant and user turns,
 * starting at `secondsFromStart` and ending after the message's own length
 * (`endTime - time` in ms when both are there, else `duration` in seconds).
 * System prompts and tool calls are not part of the conversation. Null when
 * there is nothing usable, so the text transcript stands alone.
 */
export function turnsFromVapiMessages(messages: unknown): TranscriptTurn[] | null {
  if (!Array.isArray(messages)) return null;
  const turns: TranscriptTurn[] = [];
  for (const m of messages as Record<string, unknown>[]) {
    const role = m?.role === 'bot' || m?.role === 'assistant' ? 'assistant' : m?.role === 'user' ? 'user' : null;
    const text = typeof m?.message === 'string' ? m.message.trim() : '';
    if (!role || !text) continue;
    const start = typeof m.secondsFromStart === 'number' && m.secondsFromStart >= 0 ? m.secondsFromStart : null;
    const spokenMs = typeof m.time === 'number' && typeof m.endTime === 'number' && m.endTime >= m.time ? m.endTime - m.time : null;
    const spoken = spokenMs !== null ? spokenMs / 1000 : typeof m.duration === 'number' && m.duration >= 0 ? m.duration : null;
    turns.push({ role, text, start, end: start !== null && spoken !== null ? Math.round((start + spoken) * 100) / 100 : null });
  }
  return turns.length ? turns : null;
}
