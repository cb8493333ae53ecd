import { dashboardActivitySchema, dashboardDateRangeSchema, dashboardMetricsSchema, dashboardStatusDistributionSchema, dashboardTrendsSchema } from '@soraaya/contracts';
import { z } from 'zod';
import type { AccessClaims } from '../auth/jwt';
import type { DashboardCache } from '../dashboard/dashboard-cache';
import type { DashboardQueries } from '../dashboard/dashboard-queries';
import { q, type ApiRoutes } from '../http/api-route';

const campaign = { campaign_id: z.uuid().optional() };
/** Agents see their own notifications and leads in some figures: their answers are cached apart from the team's. */
const scopeOf = (auth: AccessClaims) => (auth.role === 'agent' ? `u:${auth.sub}` : 'team');

/** The dashboard: figures composed from every service's own stats, cached briefly, partial rather than failing. */
export function registerDashboardRoutes(api: ApiRoutes, deps: { queries: DashboardQueries; cache: DashboardCache }): void {
  const { queries, cache } = deps;
  api.add({
    method: 'GET',
    url: '/api/v1/dashboard/metrics',
    summary: 'Dashboard KPIs with their previous values, calls by hour, lead sources and campaigns side by side',
    tag: 'dashboard',
    access: 'dashboard:read',
    query: z.object({ ...campaign, date_range: dashboardDateRangeSchema.default('7d') }).strict(),
    response: dashboardMetricsSchema,
    handler: ({ query, meta, auth }) =>
      cache.get(meta.tenantId, `${scopeOf(auth)}:metrics:${query.date_range}:${query.campaign_id ?? ''}`, () =>
        queries.metrics(meta, auth, { dateRange: query.date_range, campaignId: query.campaign_id }),
      ),
  });
  api.add({
    method: 'GET',
    url: '/api/v1/dashboard/trends',
    summary: 'Daily calls, qualified conversations, conversion rate and new leads',
    tag: 'dashboard',
    access: 'dashboard:read',
    query: z.object({ ...campaign, days: q.int().min(1).max(90).default(30) }).strict(),
    response: dashboardTrendsSchema,
    handler: ({ query, meta }) =>
      cache.get(meta.tenantId, `team:trends:${query.days}:${query.campaign_id ?? ''}`, () => queries.trends(meta, { days: query.days, campaignId: query.campaign_id })),
  });
  api.add({
    method: 'GET',
    url: '/api/v1/dashboard/status-distribution',
    summary: 'Leads per status now',
    tag: 'dashboard',
    access: 'dashboard:read',
    query: z.object(campaign).strict(),
    response: dashboardStatusDistributionSchema,
    handler: ({ query, meta }) => cache.get(meta.tenantId, `team:status:${query.campaign_id ?? ''}`, () => queries.statusDistribution(meta, { campaignId: query.campaign_id })),
  });
  api.add({
    method: 'GET',
    url: '/api/v1/dashboard/activity',
    summary: 'Recent calls ended, leads qualified or needing a person, and notifications, newest first',
    tag: 'dashboard',
    access: 'dashboard:read',
    query: z.object({ limit: q.int().min(1).max(50).default(20) }).strict(),
    response: dashboardActivitySchema,
    handler: ({ query, meta, auth }) => cache.get(meta.tenantId, `${scopeOf(auth)}:activity:${query.limit}`, () => queries.activity(meta, auth, { limit: query.limit })),
  });
}
