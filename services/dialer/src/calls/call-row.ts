import type { TranscriptTurn } from '@soraaya/contracts';
import type { Call, CallingPolicy, Persona, Property } from '@soraaya/contracts';
import type { CallFacts } from '../domain/call-state.machine';

export interface CallRow {
  id: string;
  tenant_id: string;
  campaign_id: string | null;
  lead_id: string;
  attempt: number;
  direction: 'outbound' | 'inbound';
  persona_id: string | null;
  provider: string;
  provider_call_id: string | null;
  state: Call['state'];
  outcome: Call['outcome'];
  answered: boolean;
  ended_reason: string | null;
  duration_seconds: number | null;
  cost_usd: number | null;
  recording_url: string | null;
  transcript: string | null;
  turns: TranscriptTurn[] | null;
  summary: string | null;
  /** Booked by the person during the call (book_callback); acted on when the call ends. */
  requested_callback_at: Date | null;
  created_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
}

export function rowToCall(r: CallRow): Call {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    campaignId: r.campaign_id,
    leadId: r.lead_id,
    attempt: r.attempt,
    direction: r.direction,
    personaId: r.persona_id,
    provider: r.provider,
    providerCallId: r.provider_call_id,
    state: r.state,
    outcome: r.outcome,
    endedReason: r.ended_reason,
    durationSeconds: r.duration_seconds,
    costUsd: r.cost_usd,
    recordingUrl: r.recording_url,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    endedAt: r.ended_at?.toISOString() ?? null,
  };
}

export function factsOf(r: CallRow): CallFacts {
  return {
    state: r.state,
    outcome: r.outcome,
    endedReason: r.ended_reason,
    durationSeconds: r.duration_seconds,
    costUsd: r.cost_usd,
    recordingUrl: r.recording_url,
    transcript: r.transcript,
    turns: r.turns,
    summary: r.summary,
    answered: r.answered,
  };
}

export interface DialerCampaign {
  id: string;
  tenant_id: string;
  name: string;
  status: string;
  policy: CallingPolicy;
  personas: Persona[];
  variants: { personaId: string; weight: number }[];
  properties: Property[];
}
