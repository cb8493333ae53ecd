import { callEndedV1, getCampaignV1, getLeadV1, intelAnalysisCompletedV1, intelCallAnalyzedV1, type AnalysisInput, type QualificationCriteria, type RequestMeta } from '@soraaya/contracts';
import { AppError, claimInbox, enqueueEvent, localParts, parseEvent, withTenant, type ConsumerSpec, type Logger, type RpcClient } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import type { Analyzer } from '../analyzers/analyzer';
import { parseTranscriptText, transcriptHash } from '../domain/transcript-text';
import { addToRollups } from '../insights/rollup-store';
import { applyAnalysisToLead } from '../leads/apply-analysis';
import type { IntelMetrics } from '../metrics/intel.metrics';

const DURABLE = 'intel-call-ended';

export interface CallEndedDeps {
  ds: DataSource;
  rpc: RpcClient;
  analyzer: Analyzer;
  logger: Logger;
  metrics?: IntelMetrics;
}

/**
 * Every ended call: its transcript is stored; a conversation is analysed, the
 * lead is moved and filled in through the lead service, and the reading is
 * announced. A call already processed (the inbox holds its event) is skipped,
 * so a redelivery changes nothing twice; a failure before the final commit is
 * retried whole, and each step is safe to repeat.
 */
export function callEndedConsumer(deps: CallEndedDeps): ConsumerSpec {
  const { ds, rpc, analyzer, logger, metrics } = deps;
  return {
    stream: 'CALLS',
    durable: DURABLE,
    filterSubject: callEndedV1.subject,
    concurrency: 4,
    maxDeliveries: 10,
    backoffBaseMs: 500,
    handler: async (msg) => {
      const e = parseEvent(callEndedV1, msg);
      const call = e.data;
      const seen: unknown[] = await withTenant(ds, e.tenantId, (tx) => tx.query(`select 1 from intel.inbox where consumer = $1 and event_id = $2`, [DURABLE, e.id]));
      if (seen.length) return;

      const meta: RequestMeta = { tenantId: e.tenantId, actor: { type: 'service', id: 'intelligence' }, correlationId: e.correlationId };
      const readLead = async () => (await rpc.request(getLeadV1, meta, { id: call.leadId, withHistory: false })).lead;
      let lead;
      try {
        lead = await readLead();
      } catch (err) {
        if (err instanceof AppError && err.status === 404) return logger.info({ callId: call.callId }, 'call of a deleted lead: nothing to learn');
        throw err;
      }
      // Turns with timings when the provider gave them; otherwise read from the text transcript (no timings).
      const turns = call.turns?.length ? call.turns : parseTranscriptText(call.transcript ?? '');
      const textHash = turns.length ? transcriptHash(turns) : null;
      const conversation = call.outcome === 'answered' && turns.some((t) => t.role === 'user');
      let analysisResult = null;
      let leadStatus = null;
      if (conversation) {
        const criteria = call.campaignId ? await campaignCriteria(rpc, meta, call.campaignId) : {};
        const input: AnalysisInput = { turns, callStartedAt: call.startedAt, leadTimeZone: lead.timeZone, endedReason: call.endedReason, criteria };
        analysisResult = await analyzer.analyze(input, textHash!); // a conversation has turns, so a hash
        leadStatus = await applyAnalysisToLead(rpc, meta, lead, analysisResult.analysis, logger, readLead);
      }

      const { hour, weekday: dow } = localParts(new Date(call.startedAt), lead.timeZone);
      const recorded = await withTenant(ds, e.tenantId, async (tx) => {
        if (!(await claimInbox(tx, 'intel', DURABLE, e.id))) return false;
        await tx.query(
          `insert into intel.transcripts (call_id, tenant_id, lead_id, campaign_id, persona_id, attempt, call_outcome, ended_reason, duration_seconds, cost_usd,
                                          recording_url, turns, provider_summary, text_hash, lead_time_zone, local_hour, local_dow, started_at, ended_at, lead_source)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) on conflict (call_id) do nothing`,
          [call.callId, e.tenantId, call.leadId, call.campaignId, call.personaId, call.attempt, call.outcome, call.endedReason, call.durationSeconds, call.costUsd,
            call.recordingUrl, JSON.stringify(turns), call.summary, textHash, lead.timeZone, hour, dow, call.startedAt, call.endedAt, lead.leadSource],
        );
        await addToRollups(
          tx,
          { tenantId: e.tenantId, campaignId: call.campaignId, personaId: call.personaId, startedAt: new Date(call.startedAt).toISOString(), callOutcome: call.outcome, durationSeconds: call.durationSeconds, localDow: dow, localHour: hour },
          analysisResult?.analysis ?? null,
        );
        if (!analysisResult) return true;
        const a = analysisResult.analysis;
        await tx.query(
          `insert into intel.analyses (call_id, tenant_id, lead_id, campaign_id, persona_id, analyzer, fallback_reason, outcome, score, sentiment, interest_level,
                                       budget_min_inr, budget_max_inr, timeline, property_type, locations, objections, amenities, human_needed, callback_at, result,
                                       call_started_at, duration_seconds)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23) on conflict (call_id) do nothing`,
          [call.callId, e.tenantId, call.leadId, call.campaignId, call.personaId, analysisResult.analyzer, analysisResult.fallbackReason, a.outcome, a.score, a.sentiment,
            a.interestLevel, a.budgetInr?.min ?? null, a.budgetInr?.max ?? null, a.timeline, a.propertyType, a.locations, [...new Set(a.objections.map((o) => o.category))],
            a.amenities, a.humanNeeded, a.callbackAt, JSON.stringify(a), call.startedAt, call.durationSeconds],
        );
        const u = analysisResult.usage;
        if (u) {
          await tx.query(`insert into intel.llm_usage (tenant_id, call_id, model, prompt_tokens, completion_tokens, cost_usd, cached, error) values ($1, $2, $3, $4, $5, $6, $7, $8)`, [
            e.tenantId, call.callId, u.model, u.promptTokens, u.completionTokens, u.costUsd, u.cached, u.error,
          ]);
        }
        const origin = { tenantId: e.tenantId, correlationId: e.correlationId, causationId: e.id };
        const ids = { callId: call.callId, leadId: call.leadId, campaignId: call.campaignId, personaId: call.personaId };
        await enqueueEvent(tx, 'intel', intelCallAnalyzedV1, origin, { ...ids, classification: a.outcome, score: a.score, sentiment: a.sentiment });
        await enqueueEvent(tx, 'intel', intelAnalysisCompletedV1, origin, { ...ids, analyzer: analysisResult.analyzer, fallbackReason: analysisResult.fallbackReason, analysis: a, leadStatus });
        return true;
      });
      if (recorded && analysisResult && metrics) {
        metrics.callsAnalyzed.inc({ qualified: String(analysisResult.analysis.outcome === 'qualified'), analyzer: analysisResult.analyzer });
        const u = analysisResult.usage;
        if (u && !u.cached) {
          metrics.llmCostUsd.inc(u.costUsd);
          metrics.llmTokens.inc({ model: u.model, kind: 'prompt' }, u.promptTokens);
          metrics.llmTokens.inc({ model: u.model, kind: 'completion' }, u.completionTokens);
        }
      }
    },
  };
}

async function campaignCriteria(rpc: RpcClient, meta: RequestMeta, campaignId: string): Promise<QualificationCriteria> {
  try {
    return (await rpc.request(getCampaignV1, meta, { id: campaignId })).qualificationCriteria;
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return {};
    throw err;
  }
}
