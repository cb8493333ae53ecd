import { connect, type NatsConnection } from 'nats';
import type { Logger } from '../logging/logger';

/**
 * Connects and keeps reconnecting forever: a service that loses NATS should
 * wait for it to come back (its readiness goes false meanwhile), not exit.
 */
export async function connectNats(url: string, name: string, logger: Logger): Promise<NatsConnection> {
  const nc = await connect({
    servers: url.split(',').map((s) => s.trim()),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
    pingInterval: 20_000,
    // No stack trace captured per request: it cost more CPU than the rest of a webhook's publish.
    noAsyncTraces: true,
  });
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect' || status.type === 'error') {
        logger.warn({ natsStatus: status.type, data: String(status.data) }, 'nats connection status changed');
      }
    }
  })();
  return nc;
}
