import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type CounterConfiguration, type GaugeConfiguration } from 'prom-client';

export type { Counter, Gauge, Histogram } from 'prom-client';

/** What a pg `Pool` tells about its connections. */
export interface DbPoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * One registry per service instance (not prom-client's global one), so tests can
 * run several instances in one process without metric name clashes.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly handlerDuration: Histogram<'kind' | 'name' | 'outcome'>;
  readonly deadLettered: Counter<'stream' | 'consumer' | 'reason'>;
  readonly outboxPublished: Counter<'schema'>;
  readonly outboxPending: Gauge<'schema'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly consumerPending: Gauge<'stream' | 'consumer'>;
  readonly consumerAckPending: Gauge<'stream' | 'consumer'>;
  readonly consumerRedelivered: Counter<'stream' | 'consumer'>;
  readonly dbPool: Gauge<'state'>;
  private readonly pools: DbPoolStats[] = [];

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'soraaya_' });
    this.handlerDuration = new Histogram({
      name: 'soraaya_handler_duration_seconds',
      help: 'Time spent in request/reply endpoints, event consumers and jobs',
      labelNames: ['kind', 'name', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [this.registry],
    });
    this.deadLettered = new Counter({
      name: 'soraaya_dead_lettered_total',
      help: 'Messages moved to a dead-letter subject after exhausting deliveries or failing validation',
      labelNames: ['stream', 'consumer', 'reason'],
      registers: [this.registry],
    });
    this.outboxPublished = new Counter({
      name: 'soraaya_outbox_published_total',
      help: 'Events published from the transactional outbox',
      labelNames: ['schema'],
      registers: [this.registry],
    });
    this.outboxPending = new Gauge({
      name: 'soraaya_outbox_pending',
      help: 'Outbox rows not yet published (the backlog), as of the last relay pass',
      labelNames: ['schema'],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'soraaya_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern (never the raw URL) and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.consumerPending = new Gauge({
      name: 'soraaya_consumer_pending_messages',
      help: 'Messages of the stream not yet delivered to the durable consumer (JetStream num_pending), refreshed periodically',
      labelNames: ['stream', 'consumer'],
      registers: [this.registry],
    });
    this.consumerAckPending = new Gauge({
      name: 'soraaya_consumer_ack_pending_messages',
      help: 'Messages delivered to the durable consumer and not yet acknowledged (JetStream num_ack_pending)',
      labelNames: ['stream', 'consumer'],
      registers: [this.registry],
    });
    this.consumerRedelivered = new Counter({
      name: 'soraaya_consumer_redelivered_total',
      help: 'Messages this process received again after an earlier delivery failed or timed out',
      labelNames: ['stream', 'consumer'],
      registers: [this.registry],
    });
    const pools = this.pools;
    this.dbPool = new Gauge({
      name: 'soraaya_db_pool_connections',
      help: 'Postgres pool: connections open (total), idle, and queries waiting for one (waiting); max is the configured size',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        if (!pools.length) return;
        const sum = (f: (p: DbPoolStats) => number) => pools.reduce((n, p) => n + (f(p) || 0), 0);
        this.set({ state: 'total' }, sum((p) => p.totalCount));
        this.set({ state: 'idle' }, sum((p) => p.idleCount));
        this.set({ state: 'waiting' }, sum((p) => p.waitingCount));
        this.set({ state: 'max' }, sum((p) => p.options?.max ?? 0));
      },
    });
  }

  /** A counter in this service's registry (domain metrics live with the service that counts them). */
  counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    return new Counter({ ...config, registers: [this.registry] });
  }

  /** A gauge in this service's registry; `collect` may read its value at scrape time. */
  gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return new Gauge({ ...config, registers: [this.registry] });
  }

  /** Reports a pg pool's use in `soraaya_db_pool_connections` at each scrape. */
  observeDbPool(pool: DbPoolStats): void {
    this.pools.push(pool);
  }

  /** Times an async unit of work and records its outcome (`ok`, or the error code). */
  async time<T>(kind: string, name: string, work: () => Promise<T>): Promise<T> {
    const end = this.handlerDuration.startTimer({ kind, name });
    try {
      const result = await work();
      end({ outcome: 'ok' });
      return result;
    } catch (err) {
      end({ outcome: (err as { code?: string }).code ?? 'error' });
      throw err;
    }
  }
}
