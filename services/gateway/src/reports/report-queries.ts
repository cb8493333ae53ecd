import { intelPerformanceStatsV1, listCampaignsV1, listPersonasV1, type PerformanceReport, type ReportGrouping, type RequestMeta } from '@soraaya/contracts';
import { NotFoundError, type Logger, type RpcClient } from '@soraaya/service-kit';
import { gatherAnswers } from '../dashboard/dashboard-queries';
import { buildReport } from './report-figures';

export interface PerformanceQuery {
  from: string;
  to: string;
  groupBy: ReportGrouping;
  campaignId?: string | undefined;
  /** The tenant's zone: whose calendar days `from` and `to` are. */
  timeZone: string;
}

/**
 * Reports composed like the dashboard: transcript intelligence counts the
 * calls, the campaign service names campaigns and personas, both asked at once
 * within REPORT_SERVICE_TIMEOUT_MS; one that does not answer is named in
 * `partial` and the report still comes back.
 */
export class ReportQueries {
  constructor(
    private readonly rpc: RpcClient,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

  async performance(meta: RequestMeta, q: PerformanceQuery): Promise<PerformanceReport> {
    const opts = { timeoutMs: this.timeoutMs };
    const { answers, partial } = await gatherAnswers(
      {
        stats: {
          source: 'intelligence',
          run: () => this.rpc.request(intelPerformanceStatsV1, meta, { from: q.from, to: q.to, timeZone: q.timeZone, groupBy: q.groupBy, ...(q.campaignId ? { campaignId: q.campaignId } : {}) }, opts),
        },
        campaigns: { source: 'campaign', run: () => this.rpc.request(listCampaignsV1, meta, {}, opts) },
        personas: { source: 'campaign', run: async () => (q.groupBy === 'persona' ? this.rpc.request(listPersonasV1, meta, {}, opts) : null) },
      },
      this.logger,
      'performance report',
    );
    const campaigns = answers.campaigns ? new Map(answers.campaigns.items.map((c) => [c.id, c.name])) : null;
    // Another tenant's campaign, or none: not found, as everywhere (unknowable while the campaign service is away).
    if (q.campaignId && campaigns && !campaigns.has(q.campaignId)) throw new NotFoundError(`Campaign ${q.campaignId} not found`);
    const personas = answers.personas ? new Map(answers.personas.items.map((p) => [p.id, p.name])) : null;
    return buildReport({
      from: q.from,
      to: q.to,
      timeZone: q.timeZone,
      groupBy: q.groupBy,
      campaignId: q.campaignId ?? null,
      stats: answers.stats,
      names: { campaigns, personas: q.groupBy === 'persona' ? personas : null },
      partial,
      now: new Date(),
    });
  }
}
