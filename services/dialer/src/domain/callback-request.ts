import type { CallingPolicy } from '@soraaya/contracts';
import { isCallable, nextCallableAt, type LegalWindow } from './calling-window';

/** Sooner than this is not a call back; it is the call that is happening. */
export const CALLBACK_MIN_LEAD_MINUTES = 5;
/** Further out than this, people forget and campaigns end: ask for a nearer time. */
export const CALLBACK_MAX_DAYS = 60;

export type CallbackCheck =
  | { ok: true; at: Date }
  | { ok: false; reason: 'too_soon' | 'too_far' | 'outside_window' | 'never_callable'; suggestion: Date | null };

/**
 * Whether a call-back time someone asked for can be kept: in the future, not
 * too far out, and inside the campaign's calling window (cut to the legal one)
 * on the lead's clock. When it cannot, the nearest time that can is suggested,
 * so the agent can offer it in the same breath.
 */
export function checkCallbackTime(
  when: Date,
  now: Date,
  zone: string,
  policy: Pick<CallingPolicy, 'days' | 'windowStart' | 'windowEnd'>,
  legal: LegalWindow,
): CallbackCheck {
  const earliest = new Date(now.getTime() + CALLBACK_MIN_LEAD_MINUTES * 60_000);
  if (when.getTime() < earliest.getTime()) return { ok: false, reason: 'too_soon', suggestion: nextCallableAt(earliest, zone, policy, legal) };
  if (when.getTime() > now.getTime() + CALLBACK_MAX_DAYS * 86_400_000) return { ok: false, reason: 'too_far', suggestion: null };
  if (isCallable(when, zone, policy, legal)) return { ok: true, at: when };
  const suggestion = nextCallableAt(when, zone, policy, legal);
  return { ok: false, reason: suggestion ? 'outside_window' : 'never_callable', suggestion };
}

/** "Tuesday 24 November at 5:00 pm": how the agent reads a time back, on the lead's clock. */
export function spokenTime(at: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', hour12: true })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.weekday} ${parts.day} ${parts.month} at ${parts.hour}:${parts.minute} ${(parts.dayPeriod ?? '').toLowerCase()}`.trim();
}
