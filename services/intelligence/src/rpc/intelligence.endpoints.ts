import {
  callTranscriptV1,
  conversationInsightsV1,
  intelCallStatsV1,
  intelDailyStatsV1,
  intelPerformanceStatsV1,
  intelRecentCallsV1,
  leadTranscriptsV1,
  rebuildInsightsV1,
  recommendationsV1,
  trendInsightsV1,
} from '@soraaya/contracts';
import { endpoint, type EndpointRegistration } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import { recommend } from '../domain/recommendations';
import { rebuildRollups } from '../insights/rollup-store';
import { conversationInsights, trendInsights } from '../queries/insights.query';
import { performanceStats } from '../queries/performance-stats.query';
import { callStats, dailyStats, recentCalls } from '../queries/stats.query';
import { callTranscript, leadTranscripts } from '../queries/transcripts.query';

/** Every request/reply endpoint of the intelligence service. */
export function intelligenceEndpoints(ds: DataSource): EndpointRegistration[] {
  return [
    endpoint(leadTranscriptsV1, (d, { meta }) => leadTranscripts(ds, meta.tenantId, d.leadId, d.limit)),
    endpoint(callTranscriptV1, (d, { meta }) => callTranscript(ds, meta.tenantId, d.callId)),
    endpoint(conversationInsightsV1, (d, { meta }) => conversationInsights(ds, meta.tenantId, d)),
    endpoint(trendInsightsV1, (d, { meta }) => trendInsights(ds, meta.tenantId, d)),
    endpoint(recommendationsV1, async (d, { meta }) => {
      const [conv, trends] = await Promise.all([conversationInsights(ds, meta.tenantId, d), trendInsights(ds, meta.tenantId, d)]);
      return { days: d.days, campaignId: d.campaignId ?? null, items: recommend(conv, trends) };
    }),
    endpoint(intelCallStatsV1, (d, { meta }) => callStats(ds, meta.tenantId, d)),
    endpoint(intelDailyStatsV1, (d, { meta }) => dailyStats(ds, meta.tenantId, d)),
    endpoint(intelRecentCallsV1, (d, { meta }) => recentCalls(ds, meta.tenantId, d.limit)),
    endpoint(intelPerformanceStatsV1, (d, { meta }) => performanceStats(ds, meta.tenantId, d)),
    endpoint(rebuildInsightsV1, async (_d, { meta }) => ({ callsRead: await rebuildRollups(ds, meta.tenantId) })),
  ];
}
