import { rebuildInsightsV1, type CallAnalysis } from '@soraaya/contracts';
import { uuid7 } from '@soraaya/service-kit';
import type { TestPlatform } from './platform';

export interface StoredCall {
  tenantId: string;
  leadId: string;
  campaignId?: string | null;
  personaId?: string | null;
  /** The lead's source as stored with the call (the performance report groups by it). */
  leadSource?: string | null;
  /** 0 for an inbound call; 1 (the default) and up for dials. */
  attempt?: number;
  startedAt: string;
  outcome: 'answered' | 'no_answer' | 'busy' | 'voicemail' | 'failed';
  seconds: number;
  costUsd: number;
  /** The analysis' classification, for an analysed conversation. */
  classification?: CallAnalysis['outcome'] | null;
  /** Hour of the call on the lead's clock (the insights' and dashboard's by-hour figures). */
  localHour: number;
}

/**
 * A call as the intelligence service stores it once the dialer reported it
 * ended (and, with a classification, analysed): for tests that need calls with
 * known dates and outcomes without playing them. Call `rebuildRollups` after.
 */
export async function insertStoredCall(p: TestPlatform, c: StoredCall): Promise<string> {
  const callId = uuid7();
  const ds = p.gateway.runtime.ds;
  const endedAt = new Date(Date.parse(c.startedAt) + c.seconds * 1000).toISOString();
  await ds.query(
    `insert into intel.transcripts (call_id, tenant_id, lead_id, campaign_id, persona_id, lead_source, attempt, call_outcome, duration_seconds, cost_usd, lead_time_zone, local_hour, local_dow, started_at, ended_at)
     values ($1, $2, $3, $4, $11, $12, $13, $5, $6, $7, 'Asia/Kolkata', $8, extract(dow from $9::timestamptz), $9, $10)`,
    [callId, c.tenantId, c.leadId, c.campaignId ?? null, c.outcome, c.seconds, c.costUsd, c.localHour, c.startedAt, endedAt, c.personaId ?? null, c.leadSource ?? null, c.attempt ?? 1],
  );
  if (c.classification) {
    const result = { outcome: c.classification, sentiment: 'positive', score: 70, objections: [], locations: [], amenities: [], budgetInr: null, timeline: null, financing: null, propertyType: null };
    await ds.query(
      `insert into intel.analyses (call_id, tenant_id, lead_id, campaign_id, persona_id, analyzer, outcome, score, sentiment, interest_level, result, call_started_at, duration_seconds)
       values ($1, $2, $3, $4, $9, 'offline', $5, 70, 'positive', 'high', $6, $7, $8)`,
      [callId, c.tenantId, c.leadId, c.campaignId ?? null, c.classification, JSON.stringify(result), c.startedAt, c.seconds, c.personaId ?? null],
    );
  }
  return callId;
}

/** Recomputes a tenant's insight rollups from its stored calls, through the intelligence service. */
export async function rebuildRollups(p: TestPlatform, tenantId: string): Promise<void> {
  await p.rpc.request(rebuildInsightsV1, { tenantId, actor: { type: 'system', id: 'test' }, correlationId: `rebuild-${tenantId}` }, {});
}
