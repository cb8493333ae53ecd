import type { CallingPolicy } from '@soraaya/contracts';
import type { CallOutcome } from './call-state.machine';

export type AfterCall =
  | { kind: 'retry'; at: Date; leadStatus: 'to_call' | 'call_failed' }
  | { kind: 'exhausted'; leadStatus: 'unresponsive' }
  | { kind: 'spoke'; leadStatus: 'follow_up' };

/**
 * What happens to a lead after an attempt: a conversation goes to follow_up (for
 * transcript intelligence to classify); otherwise another try after the
 * campaign's delay for that outcome, at least the minimum gap, until the
 * attempts run out and the lead is unresponsive.
 */
export function afterCall(outcome: CallOutcome, attempt: number, policy: Pick<CallingPolicy, 'maxAttempts' | 'retryDelayMinutes'>, minGapMinutes: number, endedAt: Date): AfterCall {
  if (outcome === 'completed') return { kind: 'spoke', leadStatus: 'follow_up' };
  if (outcome !== 'canceled' && attempt >= policy.maxAttempts) return { kind: 'exhausted', leadStatus: 'unresponsive' };
  const delay = {
    no_answer: policy.retryDelayMinutes.noAnswer,
    busy: policy.retryDelayMinutes.busy,
    voicemail: policy.retryDelayMinutes.voicemail,
    failed: policy.retryDelayMinutes.failure,
    canceled: 0,
  }[outcome];
  const minutes = outcome === 'canceled' ? 0 : Math.max(delay, minGapMinutes);
  return { kind: 'retry', at: new Date(endedAt.getTime() + minutes * 60_000), leadStatus: outcome === 'failed' ? 'call_failed' : 'to_call' };
}

/** A stable A/B choice: the same lead always gets the same persona of a campaign. */
export function pickPersona(leadId: string, variants: { personaId: string; weight: number }[]): string | null {
  const total = variants.reduce((s, v) => s + v.weight, 0);
  if (!total) return null;
  let h = 2166136261;
  for (const ch of leadId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  let point = h % total;
  for (const v of variants) {
    if (point < v.weight) return v.personaId;
    point -= v.weight;
  }
  return variants.at(-1)!.personaId;
}
