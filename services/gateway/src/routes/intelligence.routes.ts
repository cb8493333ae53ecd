import { callTranscriptV1, conversationInsightsV1, leadTranscriptsV1, recommendationsV1, trendInsightsV1 } from '@soraaya/contracts';
import type { RpcClient } from '@soraaya/service-kit';
import { z } from 'zod';
import { idParams, q, type ApiRoutes } from '../http/api-route';
import { leadInScope } from './lead.routes';

/** `campaign_id` as the product's URLs have it; `campaignId` as the rest of the API spells it. */
const insightQuery = z
  .object({ days: q.int().min(1).max(365).optional(), campaign_id: z.uuid().optional(), campaignId: z.uuid().optional() })
  .strict()
  .transform(({ days, campaign_id, campaignId }) => ({ days: days ?? 7, ...((campaignId ?? campaign_id) ? { campaignId: campaignId ?? campaign_id } : {}) }));

/** Transcripts of calls and the Insights page, answered by the intelligence service. */
export function registerIntelligenceRoutes(api: ApiRoutes, rpc: RpcClient): void {
  api.add({
    method: 'GET',
    url: '/api/v1/leads/:id/transcripts',
    summary: "Transcripts and analyses of a lead's calls, newest first",
    tag: 'intelligence',
    access: 'leads:read',
    params: idParams,
    query: z.object({ limit: q.int().min(1).max(100).optional() }).strict(),
    response: leadTranscriptsV1.response,
    handler: async ({ params, query, auth, meta }) => {
      await leadInScope(rpc, auth, meta, params.id); // 404 for another tenant's lead or, for agents, another agent's
      return rpc.request(leadTranscriptsV1, meta, { leadId: params.id, ...(query.limit ? { limit: query.limit } : {}) });
    },
  });
  api.add({
    method: 'GET',
    url: '/api/v1/calls/:id/transcript',
    summary: 'The transcript of one call, with its analysis',
    tag: 'intelligence',
    access: 'leads:read',
    params: idParams,
    response: callTranscriptV1.response,
    handler: async ({ params, auth, meta }) => {
      const transcript = await rpc.request(callTranscriptV1, meta, { callId: params.id });
      if (auth.role === 'agent') await leadInScope(rpc, auth, meta, transcript.leadId);
      return transcript;
    },
  });
  const insight = (url: string, summary: string, def: typeof conversationInsightsV1 | typeof trendInsightsV1 | typeof recommendationsV1) =>
    api.add({
      method: 'GET',
      url,
      summary,
      tag: 'insights',
      access: 'insights:read',
      query: insightQuery,
      response: def.response,
      handler: ({ query, meta }) => rpc.request(def as typeof conversationInsightsV1, meta, query) as never,
    });
  insight('/api/v1/insights/conversation-analysis', 'Common objections, what qualified calls share, price sensitivity, timelines, amenities, locations', conversationInsightsV1);
  insight('/api/v1/insights/trends', 'Answer rate by weekday and hour, duration by outcome, sentiment over time, persona performance', trendInsightsV1);
  insight('/api/v1/insights/recommendations', 'Recommendations derived from the figures, each with its evidence', recommendationsV1);
}
