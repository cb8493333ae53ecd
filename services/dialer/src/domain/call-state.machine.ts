import type { TranscriptTurn } from '@soraaya/contracts';
import type { CALL_END_OUTCOMES, CALL_STATES } from '@soraaya/contracts';

export type CallState = (typeof CALL_STATES)[number];
export type CallOutcome = (typeof CALL_END_OUTCOMES)[number];

/**
 * The one call state machine: queued → dialing → ringing → in_progress → ended.
 * States only move forward, so a late or repeated provider event can never
 * drag a call back (an out-of-order "ringing" after "in-progress" is ignored).
 */
const RANK: Record<CallState, number> = { queued: 0, dialing: 1, ringing: 2, in_progress: 3, ended: 4 };

export interface CallFacts {
  state: CallState;
  outcome: CallOutcome | null;
  endedReason: string | null;
  durationSeconds: number | null;
  costUsd: number | null;
  recordingUrl: string | null;
  transcript: string | null;
  /** The conversation with timings, when the provider gave them (VAPI artifact.messages). */
  turns: TranscriptTurn[] | null;
  summary: string | null;
  answered: boolean;
}

/** What a provider event says about a call; fields it does not know are left undefined. */
export interface ProviderObservation {
  state?: CallState;
  outcome?: CallOutcome;
  endedReason?: string;
  durationSeconds?: number;
  costUsd?: number;
  recordingUrl?: string;
  transcript?: string;
  turns?: TranscriptTurn[];
  summary?: string;
  /** The line was picked up by a person (in-progress, or AnsweredBy=human). */
  answered?: boolean;
}

/** Applies an observation; returns the new facts and whether anything changed. */
export function applyObservation(current: CallFacts, o: ProviderObservation): { next: CallFacts; changed: boolean; ended: boolean } {
  const next = { ...current };
  if (o.state && RANK[o.state] > RANK[current.state]) next.state = o.state;
  if (o.answered) next.answered = true;
  if (next.state === 'in_progress') next.answered = true;
  // Details keep arriving after the end (VAPI's end-of-call-report follows its status "ended"):
  // each is filled once, the first value wins, so repeats are harmless.
  if (next.state === 'ended' || o.state === 'ended') {
    next.state = 'ended';
    next.outcome ??= o.outcome ?? (next.answered ? 'completed' : null);
  }
  if (o.outcome && current.outcome === null && next.state === 'ended') next.outcome = o.outcome;
  next.endedReason ??= o.endedReason ?? null;
  next.durationSeconds ??= o.durationSeconds ?? null;
  next.costUsd ??= o.costUsd ?? null;
  next.recordingUrl ??= o.recordingUrl ?? null;
  next.transcript ??= o.transcript ?? null;
  next.turns ??= o.turns ?? null;
  next.summary ??= o.summary ?? null;
  const changed = JSON.stringify(next) !== JSON.stringify(current);
  return { next, changed, ended: current.state !== 'ended' && next.state === 'ended' };
}

/** VAPI `endedReason` → outcome. Unknown reasons are kept verbatim and read by whether anyone answered. */
export function outcomeFromVapiReason(reason: string, answered: boolean): CallOutcome {
  const r = reason.toLowerCase();
  if (r === 'customer-did-not-answer' || r.includes('no-answer') || r === 'customer-did-not-give-microphone-permission') return 'no_answer';
  if (r === 'customer-busy' || r.includes('busy')) return 'busy';
  if (r === 'voicemail' || r.includes('voicemail')) return 'voicemail';
  if (
    r === 'customer-ended-call' ||
    r === 'assistant-ended-call' ||
    r === 'assistant-said-end-call-phrase' ||
    r === 'silence-timed-out' ||
    r === 'exceeded-max-duration' ||
    r.startsWith('assistant-forwarded-call') ||
    r === 'manually-canceled'
  ) {
    return answered || r !== 'manually-canceled' ? 'completed' : 'canceled';
  }
  if (r.includes('error') || r.includes('failed') || r.includes('fault') || r.startsWith('twilio') || r.startsWith('vonage') || r.startsWith('pipeline')) return 'failed';
  return answered ? 'completed' : 'failed';
}

/** VAPI `status-update` status → state. */
export function stateFromVapiStatus(status: string): CallState | undefined {
  switch (status) {
    case 'queued':
    case 'scheduled':
      return 'dialing';
    case 'ringing':
      return 'ringing';
    case 'in-progress':
    case 'forwarding':
      return 'in_progress';
    case 'ended':
      return 'ended';
    default:
      return undefined;
  }
}

/** Twilio CallStatus (+ AnsweredBy from machine detection) → observation. */
export function observeTwilio(callStatus: string, answeredBy: string | undefined, durationSeconds: number | undefined): ProviderObservation {
  const machine = answeredBy?.startsWith('machine') || answeredBy === 'fax';
  switch (callStatus) {
    case 'queued':
    case 'initiated':
      return { state: 'dialing' };
    case 'ringing':
      return { state: 'ringing' };
    case 'in-progress':
      return machine ? { state: 'in_progress' } : { state: 'in_progress', answered: true };
    case 'completed':
      return { state: 'ended', outcome: machine ? 'voicemail' : 'completed', endedReason: `twilio:${callStatus}${answeredBy ? `:${answeredBy}` : ''}`, durationSeconds };
    case 'busy':
      return { state: 'ended', outcome: 'busy', endedReason: 'twilio:busy' };
    case 'no-answer':
      return { state: 'ended', outcome: 'no_answer', endedReason: 'twilio:no-answer' };
    case 'canceled':
      return { state: 'ended', outcome: 'canceled', endedReason: 'twilio:canceled' };
    case 'failed':
      return { state: 'ended', outcome: 'failed', endedReason: 'twilio:failed' };
    default:
      return {};
  }
}
