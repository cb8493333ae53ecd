import { CORRELATION_HEADER, type EventEnvelope } from '@soraaya/contracts';
import type { JetStreamClient, PubAck } from 'nats';
import { traceHeaders } from '../tracing/tracing';
import { buildHeaders } from './headers';
import type { Topology } from './topology';

/**
 * Publishes an event envelope to JetStream with `Nats-Msg-Id` = envelope id, so a
 * retried publish (relay restart, network blip) is dropped by the server as a duplicate.
 * The active trace context goes along in the `traceparent` header (when tracing is on).
 */
export async function publishEnvelope(
  js: JetStreamClient,
  topology: Topology,
  subject: string,
  envelope: EventEnvelope,
  extraHeaders: Record<string, string> = {},
): Promise<PubAck> {
  return js.publish(topology.subject(subject), Buffer.from(JSON.stringify(envelope)), {
    msgID: envelope.id,
    headers: buildHeaders({ [CORRELATION_HEADER]: envelope.correlationId, 'Soraaya-Event-Type': envelope.type, ...traceHeaders(), ...extraHeaders }),
  });
}

/** Publishes any JSON payload with an explicit message id (for messages that are not event envelopes, such as stored webhooks). */
export async function publishRaw(js: JetStreamClient, topology: Topology, subject: string, payload: unknown, msgID: string, timeoutMs = 5_000): Promise<PubAck> {
  const trace = traceHeaders();
  return js.publish(topology.subject(subject), Buffer.from(JSON.stringify(payload)), {
    msgID,
    timeout: timeoutMs,
    ...(Object.keys(trace).length ? { headers: buildHeaders(trace) } : {}),
  });
}
