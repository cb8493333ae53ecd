/**
 * JetStream streams and their subjects: the one place these names live.
 * Services and the test helpers prefix them (see service-kit Topology) so that
 * parallel test suites never share a stream.
 */
export const STREAMS = {
  LEADS: { subjects: ['leads.>'], description: 'Lead lifecycle events and lead work items' },
  CAMPAIGNS: { subjects: ['campaigns.>'], description: 'Campaign events' },
  CALLS: { subjects: ['calls.>'], description: 'Dialer and call events' },
  INTEL: { subjects: ['intel.>'], description: 'Transcript analysis events' },
  NOTIFICATIONS: { subjects: ['notifications.>'], description: 'Human-intervention notifications' },
  WEBHOOKS: { subjects: ['webhooks.vapi', 'webhooks.twilio'], description: 'Verified provider webhooks' },
  DLQ: { subjects: ['dlq.>'], description: 'Messages that exhausted their deliveries' },
} as const;

export type StreamName = keyof typeof STREAMS;

/** Dead-letter subject for messages from a stream, e.g. `dlq.LEADS`. */
export function deadLetterSubject(stream: StreamName): string {
  return `dlq.${stream}`;
}

/** NATS Object Store buckets (uploaded files travel through these, not through request payloads). */
export const OBJECT_BUCKETS = {
  LEAD_IMPORTS: 'lead_imports',
} as const;
