import type { EventEnvelope, StreamName } from '@soraaya/contracts';
import type { Logger, ServiceMetrics, Topology } from '@soraaya/service-kit';
import { DeliverPolicy, type ConsumerMessages, type JetStreamClient } from 'nats';
import { Gauge } from 'prom-client';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { AccessClaims } from '../auth/jwt';
import { isLiveTopic, leadOwnerOf, topicsOf, type LiveTopic } from './live-topics';

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), topics: z.array(z.string()).min(1).max(50) }),
  z.object({ type: z.literal('unsubscribe'), topics: z.array(z.string()).min(1).max(50) }),
  z.object({ type: z.literal('ping') }),
]);

interface Client {
  socket: WebSocket;
  auth: AccessClaims;
  topics: Set<LiveTopic>;
  alive: boolean;
}

export interface LiveFeedOptions {
  /** A client whose unsent data exceeds this is too slow: it is disconnected, not buffered without bound. */
  maxBufferedBytes?: number;
  heartbeatMs?: number;
}

const STREAMS: StreamName[] = ['LEADS', 'CALLS', 'CAMPAIGNS', 'NOTIFICATIONS', 'INTEL'];

/**
 * The console's live feed. One ordered JetStream consumer per stream reads new
 * events; each is sent to the sockets of its tenant subscribed to one of its
 * topics (agents: only events about their own leads). Heartbeats drop dead
 * sockets; slow ones are closed with 1013 instead of buffering without bound.
 */
export class LiveFeed {
  private readonly clients = new Set<Client>();
  private readonly listeners: ((event: EventEnvelope) => void)[] = [];
  private readonly readers: ConsumerMessages[] = [];
  private heartbeat: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly maxBuffered: number;
  private readonly connected: Gauge;

  constructor(
    private readonly js: JetStreamClient,
    private readonly topology: Topology,
    private readonly logger: Logger,
    metrics: ServiceMetrics,
    private readonly opts: LiveFeedOptions = {},
  ) {
    this.maxBuffered = opts.maxBufferedBytes ?? 1024 * 1024;
    this.connected = new Gauge({ name: 'soraaya_live_clients', help: 'Open live-feed sockets', registers: [metrics.registry] });
  }

  async start(): Promise<void> {
    for (const stream of STREAMS) void this.read(stream);
    this.heartbeat = setInterval(() => this.beat(), this.opts.heartbeatMs ?? 20_000);
  }

  private async read(stream: StreamName): Promise<void> {
    while (!this.stopped) {
      try {
        const consumer = await this.js.consumers.get(this.topology.stream(stream), { deliver_policy: DeliverPolicy.New });
        const messages = await consumer.consume();
        this.readers.push(messages);
        for await (const m of messages) {
          try {
            this.dispatch(m.json<EventEnvelope>());
          } catch (err) {
            this.logger.warn({ err, stream }, 'live feed skipped an unreadable event');
          }
        }
      } catch (err) {
        if (!this.stopped) this.logger.warn({ err: (err as Error).message, stream }, 'live feed reader restarting');
      }
      if (!this.stopped) await new Promise((r) => setTimeout(r, 1000));
    }
  }

  /** Also tells other parts of the gateway that something happened (the dashboard cache goes stale). */
  onEvent(listener: (event: EventEnvelope) => void): void {
    this.listeners.push(listener);
  }

  /** Exposed for tests: deliver one event to the subscribed sockets. */
  dispatch(event: EventEnvelope): void {
    for (const listener of this.listeners) listener(event);
    const topics = topicsOf(event);
    if (!topics.length) return;
    let payload: string | null = null;
    for (const client of this.clients) {
      if (client.auth.tid !== event.tenantId) continue;
      const topic = topics.find((t) => client.topics.has(t));
      if (!topic) continue;
      if (client.auth.role === 'agent') {
        const owner = leadOwnerOf(event);
        if (!owner.known || owner.assignedUserId !== client.auth.sub) continue;
      }
      if (client.socket.bufferedAmount > this.maxBuffered) {
        this.logger.warn({ user: client.auth.sub }, 'live client too slow; disconnecting');
        client.socket.close(1013, 'Too slow: reconnect and catch up from the API');
        this.clients.delete(client);
        this.connected.set(this.clients.size);
        continue;
      }
      payload ??= JSON.stringify({ type: 'event', topic, event });
      client.socket.send(payload);
    }
  }

  attach(socket: WebSocket, auth: AccessClaims): void {
    const client: Client = { socket, auth, topics: new Set(), alive: true };
    this.clients.add(client);
    this.connected.set(this.clients.size);
    socket.on('pong', () => (client.alive = true));
    socket.on('close', () => {
      this.clients.delete(client);
      this.connected.set(this.clients.size);
    });
    socket.on('message', (data) => this.onMessage(client, data.toString()));
    socket.send(JSON.stringify({ type: 'welcome', topics: [], user: { id: auth.sub, role: auth.role } }));
  }

  private onMessage(client: Client, text: string): void {
    let parsed;
    try {
      parsed = clientMessage.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      client.socket.send(JSON.stringify({ type: 'error', message: 'Expected {"type":"subscribe"|"unsubscribe","topics":[...]} or {"type":"ping"}' }));
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'ping') {
      client.socket.send(JSON.stringify({ type: 'pong' }));
      return;
    }
    const bad = msg.topics.filter((t) => !isLiveTopic(t));
    if (bad.length) {
      client.socket.send(JSON.stringify({ type: 'error', message: `Unknown topics: ${bad.join(', ')}` }));
      return;
    }
    for (const t of msg.topics as LiveTopic[]) {
      if (msg.type === 'subscribe') client.topics.add(t);
      else client.topics.delete(t);
    }
    client.socket.send(JSON.stringify({ type: 'subscribed', topics: [...client.topics] }));
  }

  private beat(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.socket.terminate();
        this.clients.delete(client);
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
    this.connected.set(this.clients.size);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const r of this.readers) r.stop();
    for (const c of this.clients) c.socket.close(1001, 'Server shutting down');
  }
}
