import type { EventEnvelope } from '@soraaya/contracts';
import type { JetStreamClient } from 'nats';
import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/metrics';
import { publishEnvelope } from '../nats/event-publisher';
import type { Topology } from '../nats/topology';
import { SpanKind, contextFromHeaders, inSpan, untraced } from '../tracing/tracing';
import { OUTBOX_TRACE_KEY, outboxChannel } from './outbox';
import { sqlIdentifier } from './sql-identifier';

export interface OutboxRelayOptions {
  batchSize?: number;
  /** Fallback poll interval; NOTIFY normally wakes the relay at once. */
  pollMs?: number;
  /**
   * Test seam for crash-safety tests: runs after the batch is acknowledged by
   * JetStream and before the rows are deleted. Throwing here is a crash at the
   * worst moment: the rows stay and are published again, and JetStream drops
   * the duplicates by message id.
   */
  afterPublish?: (envelopes: EventEnvelope[]) => void | Promise<void>;
}

interface OutboxRow {
  seq: string;
  subject: string;
  envelope: EventEnvelope;
  /** Trace context captured when the event was written; null when none was active. */
  trace: Record<string, string> | null;
}

/**
 * Publishes committed outbox rows to JetStream, then deletes them. Several
 * replicas can run at once: `for update skip locked` hands each row to one.
 */
export class OutboxRelay {
  private stopped = false;
  private loop: Promise<void> | null = null;
  private listener: Client | null = null;
  private wake: (() => void) | null = null;
  private readonly schema: string;
  private readonly batchSize: number;
  private readonly pollMs: number;

  constructor(
    private readonly ds: DataSource,
    schema: string,
    private readonly js: JetStreamClient,
    private readonly topology: Topology,
    private readonly logger: Logger,
    private readonly metrics: ServiceMetrics,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.schema = sqlIdentifier(schema);
    this.batchSize = options.batchSize ?? 500;
    this.pollMs = options.pollMs ?? 1_000;
  }

  async start(connectionString: string): Promise<void> {
    this.listener = new Client({ connectionString, application_name: `soraaya-${this.schema}-relay` });
    this.listener.on('notification', () => this.wake?.());
    this.listener.on('error', (err) => this.logger.warn({ err }, 'outbox listener connection error; polling continues'));
    await this.listener.connect();
    await this.listener.query(`listen ${outboxChannel(this.schema)}`);
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const published = await this.publishBatch();
        failures = 0;
        if (published === this.batchSize) continue;
      } catch (err) {
        failures += 1;
        this.logger.error({ err, failures }, 'outbox relay pass failed; will retry');
      }
      const waitMs = failures ? Math.min(100 * 2 ** failures, 10_000) : this.pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** Publishes up to one batch; returns how many rows it published. Exposed for tests and tools. */
  async publishBatch(): Promise<number> {
    return this.ds.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `select seq, subject, envelope - '${OUTBOX_TRACE_KEY}' as envelope, envelope -> '${OUTBOX_TRACE_KEY}' as trace
           from ${this.schema}.outbox order by seq limit $1 for update skip locked`,
        [this.batchSize],
      );
      if (rows.length === 0) {
        this.metrics.outboxPending.set({ schema: this.schema }, 0);
        return 0;
      }
      const results = await Promise.allSettled(
        rows.map((row) => this.publish(row)),
      );
      const done = rows.filter((_, i) => results[i]!.status === 'fulfilled');
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      await this.options.afterPublish?.(done.map((r) => r.envelope));
      if (done.length) await tx.query(`delete from ${this.schema}.outbox where seq = any($1::bigint[])`, [done.map((r) => r.seq)]);
      this.metrics.outboxPublished.inc({ schema: this.schema }, done.length);
      // A full batch means more is waiting: count it (bounded) so the gauge shows the real backlog.
      const backlog =
        rows.length === this.batchSize
          ? ((await tx.query(`select count(*)::int as n from (select 1 from ${this.schema}.outbox limit 1000000) b`)) as { n: number }[])[0]!.n
          : rows.length - done.length;
      this.metrics.outboxPending.set({ schema: this.schema }, backlog);
      if (failed) throw failed.reason;
      return done.length;
    });
  }

  /** Publishes one row; when it carries a trace context, inside a producer span continuing that trace. */
  private async publish(row: OutboxRow): Promise<unknown> {
    if (!row.trace) return untraced(() => publishEnvelope(this.js, this.topology, row.subject, row.envelope));
    const trace = row.trace;
    return inSpan(
      `${row.subject} publish`,
      {
        kind: SpanKind.PRODUCER,
        parent: contextFromHeaders((name) => trace[name]),
        service: this.metrics.service,
        attributes: { 'messaging.system': 'nats', 'messaging.operation.type': 'send', 'messaging.destination.name': row.subject, 'messaging.message.id': row.envelope.id },
      },
      () => publishEnvelope(this.js, this.topology, row.subject, row.envelope),
    );
  }

  /** Finishes the current pass, publishes what is already committed (bounded), and stops. */
  async stop(flushTimeoutMs = 2_000): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop?.catch(() => undefined);
    const deadline = Date.now() + flushTimeoutMs;
    while (Date.now() < deadline) {
      const n = await this.publishBatch().catch(() => 0);
      if (n === 0) break;
      await sleep(0);
    }
    await this.listener?.end().catch(() => undefined);
  }
}
