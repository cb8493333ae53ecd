import type { StreamName } from '@soraaya/contracts';
import { AckPolicy, DeliverPolicy, type Consumer, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from 'nats';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/metrics';
import { isNotFound } from './ensure-streams';
import { SpanKind, contextFromHeaders, inSpan } from '../tracing/tracing';
import { buildHeaders } from './headers';
import type { Topology } from './topology';

export interface ConsumedMessage {
  subject: string;
  data: Uint8Array;
  /** 1 on first delivery. */
  deliveryCount: number;
  /** True when a failure now sends the message to the dead-letter subject: the handler's chance to record that outcome. */
  lastAttempt: boolean;
  streamSequence: number;
  header(name: string): string | undefined;
  /** Tells JetStream the handler is still busy, pushing the ack deadline back. */
  working(): void;
}

export type MessageHandler = (msg: ConsumedMessage) => Promise<void>;

/** Throw this from a handler for a message that can never succeed: it goes to the dead-letter subject at once. */
export class PoisonMessageError extends Error {
  readonly code = 'poison_message';
}

export interface ConsumerSpec {
  stream: StreamName;
  /** Durable name without prefix. */
  durable: string;
  /** One subject (NATS 2.9 allows one filter subject per consumer). */
  filterSubject: string;
  handler: MessageHandler;
  /** Deliveries before the message is dead-lettered. */
  maxDeliveries?: number;
  concurrency?: number;
  ackWaitMs?: number;
  /** Delay before the n-th redelivery: base * 2^(n-1), capped. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How often the consumer's lag (num_pending, num_ack_pending) is read from JetStream into the gauges. */
  lagRefreshMs?: number;
}

export interface ConsumerRunnerDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  logger: Logger;
  metrics: ServiceMetrics;
}

/**
 * The one consumer discipline every service uses: a durable pull consumer with
 * explicit acks, nak-with-backoff on failure, dead-lettering after the last
 * delivery, bounded concurrency, and a loop that re-creates the subscription
 * after any failure until `stop()` drains it.
 */
export class ConsumerRunner {
  private stopped = false;
  private messages: ConsumerMessages | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private loop: Promise<void> | null = null;
  private lagTimer: NodeJS.Timeout | null = null;
  private readonly spec: Required<ConsumerSpec>;
  private readonly log: Logger;

  constructor(
    spec: ConsumerSpec,
    private readonly deps: ConsumerRunnerDeps,
  ) {
    this.spec = {
      maxDeliveries: 5,
      concurrency: 4,
      ackWaitMs: 30_000,
      backoffBaseMs: 1_000,
      backoffMaxMs: 60_000,
      lagRefreshMs: 15_000,
      ...spec,
    };
    this.log = deps.logger.child({ consumer: spec.durable });
  }

  get durableName(): string {
    return this.deps.topology.consumer(this.spec.durable);
  }

  async ensure(): Promise<Consumer> {
    const { jsm, js, topology } = this.deps;
    const stream = topology.stream(this.spec.stream);
    const config = {
      durable_name: this.durableName,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: topology.subject(this.spec.filterSubject),
      // Headroom over our own limit: we dead-letter on the last delivery ourselves; the
      // server's cap only matters if the process dies while handling that last one.
      max_deliver: this.spec.maxDeliveries + 2,
      ack_wait: this.spec.ackWaitMs * 1_000_000,
      max_ack_pending: Math.max(this.spec.concurrency * 4, 16),
    };
    const existing = await jsm.consumers.info(stream, this.durableName).catch((err: unknown) => {
      if (isNotFound(err)) return null;
      throw err;
    });
    if (!existing) await jsm.consumers.add(stream, config);
    else if (existing.config.ack_wait !== config.ack_wait || existing.config.max_deliver !== config.max_deliver || existing.config.max_ack_pending !== config.max_ack_pending) {
      await jsm.consumers.update(stream, this.durableName, { ack_wait: config.ack_wait, max_deliver: config.max_deliver, max_ack_pending: config.max_ack_pending });
    }
    return js.consumers.get(stream, this.durableName);
  }

  start(): void {
    if (this.loop) return;
    this.deps.metrics.consumerRedelivered.inc({ stream: this.spec.stream, consumer: this.spec.durable }, 0);
    this.loop = this.run();
    this.lagTimer = setInterval(() => void this.refreshLag(), this.spec.lagRefreshMs);
    this.lagTimer.unref();
  }

  /** Reads the consumer's lag from JetStream into the gauges. Failures are left to the next refresh. */
  async refreshLag(): Promise<void> {
    const { jsm, topology, metrics } = this.deps;
    try {
      const info = await jsm.consumers.info(topology.stream(this.spec.stream), this.durableName);
      const labels = { stream: this.spec.stream, consumer: this.spec.durable };
      metrics.consumerPending.set(labels, info.num_pending);
      metrics.consumerAckPending.set(labels, info.num_ack_pending);
    } catch (err) {
      if (!this.stopped) this.log.debug({ err }, 'could not read consumer info for the lag gauges');
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const consumer = await this.ensure();
        void this.refreshLag();
        // abort_on_missing_resource: if the consumer or stream vanishes, end the iterator so
        // this loop re-creates them, instead of the client retrying against nothing forever.
        this.messages = await consumer.consume({ max_messages: this.spec.concurrency, abort_on_missing_resource: true });
        failures = 0;
        for await (const msg of this.messages) {
          if (this.inFlight.size >= this.spec.concurrency) await Promise.race(this.inFlight);
          if (this.stopped) {
            msg.nak(); // hand it back now rather than leaving it to the ack timeout
            break;
          }
          const task = this.handle(msg).finally(() => this.inFlight.delete(task));
          this.inFlight.add(task);
        }
      } catch (err) {
        if (this.stopped) break;
        failures += 1;
        this.log.error({ err, failures }, 'consumer loop failed; re-establishing');
      }
      if (!this.stopped) await sleep(Math.min(200 * 2 ** failures, 10_000));
    }
  }

  private async handle(msg: JsMsg): Promise<void> {
    const { metrics } = this.deps;
    const heartbeat = setInterval(() => msg.working(), Math.max(this.spec.ackWaitMs / 3, 100));
    const deliveryCount = msg.info.deliveryCount;
    if (deliveryCount > 1) metrics.consumerRedelivered.inc({ stream: this.spec.stream, consumer: this.spec.durable });
    const consumed: ConsumedMessage = {
      subject: msg.subject,
      data: msg.data,
      deliveryCount,
      lastAttempt: deliveryCount >= this.spec.maxDeliveries,
      streamSequence: msg.seq,
      header: (name) => msg.headers?.get(name) || undefined,
      working: () => msg.working(),
    };
    try {
      // The handler runs in a span continuing the trace the publisher put in the headers.
      await inSpan(
        `${this.spec.filterSubject} process`,
        {
          kind: SpanKind.CONSUMER,
          parent: contextFromHeaders(consumed.header),
          service: metrics.service,
          attributes: {
            'messaging.system': 'nats',
            'messaging.operation.type': 'process',
            'messaging.destination.name': msg.subject,
            'messaging.consumer.group.name': this.spec.durable,
            'soraaya.delivery_count': deliveryCount,
          },
        },
        () => metrics.time('consumer', this.spec.durable, () => this.spec.handler(consumed)),
      );
      await msg.ackAck().catch(() => msg.ack());
    } catch (err) {
      const poison = err instanceof PoisonMessageError;
      if (poison || deliveryCount >= this.spec.maxDeliveries) {
        await this.deadLetter(msg, poison ? 'poison' : 'max_deliveries', err);
      } else {
        const delay = Math.min(this.spec.backoffBaseMs * 2 ** (deliveryCount - 1), this.spec.backoffMaxMs);
        this.log.warn({ err, deliveryCount, delayMs: delay, subject: msg.subject }, 'handler failed; will redeliver');
        msg.nak(delay);
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async deadLetter(msg: JsMsg, reason: string, err: unknown): Promise<void> {
    const { js, topology, metrics } = this.deps;
    const subject = topology.deadLetter(this.spec.stream);
    const headers = buildHeaders({
      'Soraaya-Dlq-Reason': reason,
      'Soraaya-Dlq-Error': String((err as Error)?.message ?? err).slice(0, 500),
      'Soraaya-Dlq-Subject': msg.subject,
      'Soraaya-Dlq-Consumer': this.durableName,
      'Soraaya-Dlq-Stream-Seq': String(msg.seq),
      'Soraaya-Dlq-Deliveries': String(msg.info.deliveryCount),
    });
    if (msg.headers) for (const [k, v] of msg.headers) if (!headers.has(k) && k !== 'Nats-Msg-Id') headers.set(k, v[0] ?? '');
    try {
      await js.publish(subject, msg.data, { headers, msgID: `${this.durableName}:${msg.seq}` });
      msg.term(); // no reason text: `+TERM <reason>` needs NATS 2.10; the reason travels in the DLQ headers
      metrics.deadLettered.inc({ stream: this.spec.stream, consumer: this.spec.durable, reason });
      this.log.error({ err, reason, subject: msg.subject, seq: msg.seq }, 'message dead-lettered');
    } catch (publishErr) {
      this.log.error({ err: publishErr }, 'dead-letter publish failed; message will be redelivered');
      msg.nak(this.spec.backoffBaseMs);
    }
  }

  /** Stops fetching, lets in-flight messages finish (their acks go out), then returns. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.lagTimer) clearInterval(this.lagTimer);
    this.messages?.stop();
    await this.loop?.catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
  }
}
