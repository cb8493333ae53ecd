import {
  DASHBOARD_SOURCES,
  callingStatusV1,
  compareCampaignsV1,
  intelCallStatsV1,
  intelDailyStatsV1,
  intelRecentCallsV1,
  leadCountsV1,
  leadDailyStatsV1,
  leadRecentStatsV1,
  leadStatsV1,
  listNotificationsV1,
  unreadNotificationsV1,
  type DashboardActivity,
  type DashboardDateRange,
  type DashboardMetrics,
  type DashboardSource,
  type DashboardStatusDistribution,
  type DashboardTrends,
  type RequestMeta,
} from '@soraaya/contracts';
import type { Logger, RpcClient } from '@soraaya/service-kit';
import type { AccessClaims } from '../auth/jwt';
import { activityItems, buildKpis, callsByHour, campaignComparison, periodDates, sourcePerformance, statusItems, trendPoints } from './dashboard-figures';

export const DATE_RANGE_DAYS: Record<DashboardDateRange, number> = { '7d': 7, '30d': 30, '90d': 90 };

export type Asks = Record<string, { source: DashboardSource; run: () => Promise<unknown> }>;
export type Answers<A extends Asks> = { [K in keyof A]: Awaited<ReturnType<A[K]['run']>> | null };

/**
 * Asks several services at once; a service that fails or does not answer in
 * time (each request carries its own timeout) leaves its answer null and is
 * named in `partial` (in the contract's order), never failing the whole request.
 */
export async function gatherAnswers<A extends Asks>(asks: A, logger: Logger, what: string): Promise<{ answers: Answers<A>; partial: DashboardSource[] }> {
  const keys = Object.keys(asks) as (keyof A & string)[];
  const settled = await Promise.allSettled(keys.map((k) => asks[k]!.run()));
  const answers = {} as Answers<A>;
  const missing = new Set<DashboardSource>();
  settled.forEach((s, i) => {
    const key = keys[i]!;
    if (s.status === 'fulfilled') {
      answers[key] = s.value as Answers<A>[typeof key];
    } else {
      answers[key] = null as Answers<A>[typeof key];
      missing.add(asks[key]!.source);
      logger.warn({ source: asks[key]!.source, ask: key, err: (s.reason as Error).message }, `${what} partial: a service did not answer`);
    }
  });
  return { answers, partial: DASHBOARD_SOURCES.filter((s) => missing.has(s)) };
}

/** The dashboard's figures, each service asked within the dashboard's timeout (gatherAnswers). */
export class DashboardQueries {
  constructor(
    private readonly rpc: RpcClient,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

  private gather<A extends Asks>(asks: A): Promise<{ answers: Answers<A>; partial: DashboardSource[] }> {
    return gatherAnswers(asks, this.logger, 'dashboard figures');
  }

  private get opts() {
    return { timeoutMs: this.timeoutMs };
  }

  async metrics(meta: RequestMeta, auth: AccessClaims, q: { dateRange: DashboardDateRange; campaignId?: string | undefined }): Promise<DashboardMetrics> {
    const days = DATE_RANGE_DAYS[q.dateRange];
    const window = { days, ...(q.campaignId ? { campaignId: q.campaignId } : {}) };
    const { answers, partial } = await this.gather({
      lead: { source: 'lead', run: () => this.rpc.request(leadStatsV1, meta, window, this.opts) },
      calls: { source: 'intelligence', run: () => this.rpc.request(intelCallStatsV1, meta, window, this.opts) },
      dialer: { source: 'dialer', run: () => this.rpc.request(callingStatusV1, meta, {}, this.opts) },
      unread: { source: 'notification', run: () => this.rpc.request(unreadNotificationsV1, meta, { viewer: { userId: auth.sub, role: auth.role } }, this.opts) },
      campaigns: { source: 'campaign', run: () => this.rpc.request(compareCampaignsV1, meta, {}, this.opts) },
    });
    const status = answers.dialer;
    const campaignCalls = status && q.campaignId ? status.campaigns.find((c) => c.campaignId === q.campaignId) : undefined;
    const dialer = !status
      ? null
      : q.campaignId
        ? { activeCalls: campaignCalls?.activeCalls ?? 0, capacity: campaignCalls?.maxConcurrentCalls ?? null }
        : { activeCalls: status.activeCalls, capacity: status.tenantCap };
    const now = new Date();
    return {
      campaignId: q.campaignId ?? null,
      dateRange: q.dateRange,
      ...periodDates(now, days),
      generatedAt: now.toISOString(),
      kpis: buildKpis({ lead: answers.lead, calls: answers.calls, dialer, openNotifications: answers.unread?.pending ?? null }),
      callsByHour: callsByHour(answers.calls),
      sources: sourcePerformance(answers.lead),
      campaigns: campaignComparison(answers.campaigns),
      partial,
    };
  }

  async trends(meta: RequestMeta, q: { days: number; campaignId?: string | undefined }): Promise<DashboardTrends> {
    const window = { days: q.days, ...(q.campaignId ? { campaignId: q.campaignId } : {}) };
    const { answers, partial } = await this.gather({
      calls: { source: 'intelligence', run: () => this.rpc.request(intelDailyStatsV1, meta, window, this.opts) },
      leads: { source: 'lead', run: () => this.rpc.request(leadDailyStatsV1, meta, window, this.opts) },
    });
    return { campaignId: q.campaignId ?? null, days: q.days, points: trendPoints(new Date(), q.days, answers.calls, answers.leads), partial };
  }

  async statusDistribution(meta: RequestMeta, q: { campaignId?: string | undefined }): Promise<DashboardStatusDistribution> {
    const { answers, partial } = await this.gather({
      counts: { source: 'lead', run: () => this.rpc.request(leadCountsV1, meta, q.campaignId ? { campaignId: q.campaignId } : {}, this.opts) },
    });
    return { campaignId: q.campaignId ?? null, total: answers.counts?.total ?? null, items: answers.counts ? statusItems(answers.counts.byStatus) : [], partial };
  }

  /** Two rounds: the latest calls and notifications, then the lead service names the calls' leads (and adds its own moves). */
  async activity(meta: RequestMeta, auth: AccessClaims, q: { limit: number }): Promise<DashboardActivity> {
    const first = await this.gather({
      calls: { source: 'intelligence', run: () => this.rpc.request(intelRecentCallsV1, meta, { limit: q.limit }, this.opts) },
      notifications: { source: 'notification', run: () => this.rpc.request(listNotificationsV1, meta, { viewer: { userId: auth.sub, role: auth.role }, limit: q.limit }, this.opts) },
    });
    const agent = auth.role === 'agent';
    const leadIds = [...new Set((first.answers.calls?.items ?? []).map((c) => c.leadId))];
    const second = await this.gather({
      leads: { source: 'lead', run: () => this.rpc.request(leadRecentStatsV1, meta, { limit: q.limit, leadIds, ...(agent ? { assignedUserId: auth.sub } : {}) }, this.opts) },
    });
    const missing = new Set([...first.partial, ...second.partial]);
    return {
      items: activityItems({ calls: first.answers.calls, leads: second.answers.leads, notifications: first.answers.notifications?.items ?? null, ownLeadsOnly: agent, limit: q.limit }),
      partial: DASHBOARD_SOURCES.filter((s) => missing.has(s)),
    };
  }
}
