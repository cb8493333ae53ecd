import type { EventEnvelope } from '@soraaya/contracts';

export const LIVE_TOPICS = ['leads', 'imports', 'calls', 'campaigns', 'notifications', 'insights'] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number] | `campaign:${string}`;

export function isLiveTopic(t: string): t is LiveTopic {
  return (LIVE_TOPICS as readonly string[]).includes(t) || /^campaign:[0-9a-f-]{36}$/.test(t);
}

/** The topics an event belongs to: its family, and its campaign's when it names one. */
export function topicsOf(event: EventEnvelope): LiveTopic[] {
  const topics: LiveTopic[] = [];
  const type = event.type;
  if (type.startsWith('lead.import.')) topics.push('imports');
  else if (type.startsWith('lead.')) topics.push('leads');
  else if (type.startsWith('call.')) topics.push('calls');
  else if (type.startsWith('campaign.')) topics.push('campaigns');
  else if (type.startsWith('notification.')) topics.push('notifications');
  else if (type.startsWith('intel.')) topics.push('insights');
  const campaignId = campaignOf(event.data);
  if (campaignId) topics.push(`campaign:${campaignId}`);
  return topics;
}

function campaignOf(data: unknown): string | null {
  const d = data as { campaignId?: unknown; lead?: { campaignId?: unknown }; campaign?: { id?: unknown } } | null;
  const id = d?.campaignId ?? d?.lead?.campaignId ?? d?.campaign?.id;
  return typeof id === 'string' ? id : null;
}

/** The lead (or notification) an event is about and its assignee, for agents (who see only their own). */
export function leadOwnerOf(event: EventEnvelope): { known: boolean; assignedUserId: string | null } {
  const d = event.data as { lead?: { assignedUserId?: unknown }; notification?: { assignedUserId?: unknown } } | null;
  const owned = d?.lead ?? d?.notification; // a notification reaches the agent it is assigned to
  if (owned && 'assignedUserId' in owned) return { known: true, assignedUserId: typeof owned.assignedUserId === 'string' ? owned.assignedUserId : null };
  return { known: false, assignedUserId: null };
}
