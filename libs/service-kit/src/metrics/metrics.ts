import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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
      help: 'Outbox rows not yet published, as of the last relay pass',
      labelNames: ['schema'],
      registers: [this.registry],
    });
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
