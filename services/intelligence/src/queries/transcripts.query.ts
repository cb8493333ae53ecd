import type { CallAnalysis, CallTranscript, TranscriptTurn } from '@soraaya/contracts';
import { NotFoundError, withTenant } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';

interface Row {
  call_id: string;
  lead_id: string;
  campaign_id: string | null;
  persona_id: string | null;
  attempt: number;
  call_outcome: string;
  ended_reason: string | null;
  duration_seconds: string;
  recording_url: string | null;
  provider_summary: string | null;
  turns: TranscriptTurn[];
  started_at: Date;
  ended_at: Date;
  analyzer: string | null;
  fallback_reason: string | null;
  analyzed_at: Date | null;
  result: CallAnalysis | null;
}

const SELECT = `select t.*, a.analyzer, a.fallback_reason, a.analyzed_at, a.result
                  from intel.transcripts t left join intel.analyses a on a.call_id = t.call_id`;

function toTranscript(r: Row): CallTranscript {
  return {
    callId: r.call_id,
    leadId: r.lead_id,
    campaignId: r.campaign_id,
    personaId: r.persona_id,
    attempt: r.attempt,
    callOutcome: r.call_outcome,
    endedReason: r.ended_reason,
    durationSeconds: Number(r.duration_seconds),
    recordingUrl: r.recording_url,
    providerSummary: r.provider_summary,
    turns: r.turns,
    startedAt: r.started_at.toISOString(),
    endedAt: r.ended_at.toISOString(),
    analysis: r.result && r.analyzer && r.analyzed_at ? { analyzer: r.analyzer, fallbackReason: r.fallback_reason, analyzedAt: r.analyzed_at.toISOString(), result: r.result } : null,
  };
}

export async function leadTranscripts(ds: DataSource, tenantId: string, leadId: string, limit: number): Promise<{ items: CallTranscript[] }> {
  const rows: Row[] = await withTenant(ds, tenantId, (tx) => tx.query(`${SELECT} where t.tenant_id = $1 and t.lead_id = $2 order by t.started_at desc limit $3`, [tenantId, leadId, limit]));
  return { items: rows.map(toTranscript) };
}

export async function callTranscript(ds: DataSource, tenantId: string, callId: string): Promise<CallTranscript> {
  const rows: Row[] = await withTenant(ds, tenantId, (tx) => tx.query(`${SELECT} where t.tenant_id = $1 and t.call_id = $2`, [tenantId, callId]));
  if (!rows[0]) throw new NotFoundError(`No transcript for call ${callId}`);
  return toTranscript(rows[0]);
}
