/**
 * The API's shapes, derived from the gateway's zod contracts in @soraaya/contracts.
 * Type-only imports: nothing of zod or the contracts reaches the bundle, yet a
 * changed contract breaks this build instead of a page at run time.
 */
import type {
  Activity,
  Campaign,
  CallTranscript,
  DashboardActivity,
  DashboardDateRange,
  DashboardMetrics,
  DashboardStatusDistribution,
  DashboardTrends,
  Kpi,
  Lead,
  LeadPriority,
  LeadStatus,
  Note,
  Notification,
  NotificationPriority,
  NotificationStatus,
  NotificationType,
  campaignPerformanceV1,
  conversationInsightsV1,
  getLeadV1,
  leadCountsV1,
  leadTranscriptsV1,
  listCampaignsV1,
  listLeadsV1,
  listNotificationsV1,
  recommendationsV1,
  trendInsightsV1,
  unreadNotificationsV1,
} from '@soraaya/contracts';
import type { z } from 'zod';

type ResponseOf<E extends { response: z.ZodType }> = z.output<E['response']>;

export type { Activity, Campaign, CallTranscript, Lead, LeadPriority, LeadStatus, Note, Notification, NotificationPriority, NotificationStatus, NotificationType };
export type { DashboardActivity, DashboardDateRange, DashboardMetrics, DashboardStatusDistribution, DashboardTrends, Kpi };
export type LeadPage = ResponseOf<typeof listLeadsV1>;
export type LeadDetail = ResponseOf<typeof getLeadV1>;
export type LeadCounts = ResponseOf<typeof leadCountsV1>;
export type LeadTranscripts = ResponseOf<typeof leadTranscriptsV1>;
export type NotificationPage = ResponseOf<typeof listNotificationsV1>;
export type UnreadCount = ResponseOf<typeof unreadNotificationsV1>;
export type CampaignList = ResponseOf<typeof listCampaignsV1>;
export type CampaignPerformance = ResponseOf<typeof campaignPerformanceV1>;
export type ConversationInsights = ResponseOf<typeof conversationInsightsV1>;
export type TrendInsights = ResponseOf<typeof trendInsightsV1>;
export type Recommendations = ResponseOf<typeof recommendationsV1>;
export type CampaignStatus = Campaign['status'];

/** The gateway's user (services/gateway/src/routes/auth.routes.ts publicUserSchema). */
export interface User {
  id: string;
  tenantId: string;
  email: string;
  role: 'admin' | 'manager' | 'agent';
  fullName: string;
  timeZone: string;
  preferences: Record<string, unknown>;
  lastLoginAt: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: User;
}

/** Every error body the gateway sends (services/gateway/src/http/api-error.ts). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

// Runtime value lists, kept beside the types they must match (the `satisfies` checks do that).
export const LEAD_STATUSES = [
  'to_call',
  'calling',
  'in_call',
  'qualified',
  'not_interested',
  'follow_up',
  'callback_requested',
  'unresponsive',
  'human_input_needed',
  'human_follow_up',
  'call_failed',
] as const satisfies readonly LeadStatus[];
export const LEAD_PRIORITIES = ['high', 'medium', 'low'] as const satisfies readonly LeadPriority[];
export const NOTIFICATION_STATUSES = ['pending', 'in_progress', 'resolved', 'dismissed'] as const satisfies readonly NotificationStatus[];
export const NOTIFICATION_PRIORITIES = ['high', 'medium', 'low'] as const satisfies readonly NotificationPriority[];

// Compile-time proof that the lists above are complete, not just valid.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
const _statusesComplete: Missing<LeadStatus, (typeof LEAD_STATUSES)[number]> = true;
const _notificationStatusesComplete: Missing<NotificationStatus, (typeof NOTIFICATION_STATUSES)[number]> = true;
void _statusesComplete;
void _notificationStatusesComplete;

/** Cheap shape checks for httpResource `parse`: enough to fail loudly on a wrong endpoint or an HTML error page. */
export function expectObject<T>(value: unknown, ...keys: string[]): T {
  if (typeof value !== 'object' || value === null) throw new Error('Unexpected response: not a JSON object');
  for (const k of keys) if (!(k in value)) throw new Error(`Unexpected response: no "${k}"`);
  return value as T;
}
