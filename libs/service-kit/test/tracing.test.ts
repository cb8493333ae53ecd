import { SpanKind } from '@opentelemetry/api';
import type { EventEnvelope } from '@soraaya/contracts';
import { connect, type NatsConnection } from 'nats';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { createServiceDataSource } from '../src/db/data-source';
import { enqueueEvents, outboxInboxSql } from '../src/db/outbox';
import { OutboxRelay } from '../src/db/outbox-relay';
import { uuid7 } from '../src/ids/uuid7';
import { createLogger } from '../src/logging/logger';
import { ServiceMetrics } from '../src/metrics/metrics';
import { ConsumerRunner } from '../src/nats/consumer-runner';
import { ensureStreams } from '../src/nats/ensure-streams';
import { RpcClient } from '../src/nats/rpc-client';
import { endpoint, startRpcService } from '../src/nats/rpc-server';
import { Topology } from '../src/nats/topology';
import { installInMemoryTracing, type InMemoryTracing } from '../src/testing/in-memory-tracing';
import { createTestInfra, type TestInfra } from '../src/testing/test-infra';
import { SERVICE_ATTRIBUTE, inSpan, traceHeaders } from '../src/tracing/tracing';

async function until<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(25);
  }
}

describe('trace context across NATS request/reply, the outbox and consumers', () => {
  let infra: TestInfra;
  let nc: NatsConnection;
  let ds: DataSource;
  let tracing: InMemoryTracing;
  const topology = () => new Topology(infra.natsPrefix);
  const logger = createLogger('test', 'silent');

  beforeAll(async () => {
    tracing = installInMemoryTracing();
    infra = await createTestInfra('tracing');
    nc = await connect({ servers: infra.natsUrl });
    await ensureStreams(await nc.jetstreamManager(), topology(), ['LEADS', 'DLQ'], { replicas: 1, maxAgeHours: 1 });
    ds = createServiceDataSource({ url: infra.databaseUrl, schema: 'tr', migrations: [] });
    await ds.initialize();
    await ds.query('create schema tr');
    for (const sql of outboxInboxSql('tr').up) await ds.query(sql);
  });

  afterAll(async () => {
    await ds?.destroy();
    await nc?.close();
    await infra?.destroy();
    await tracing.uninstall();
  });

  it('is off without an SDK: no trace headers are written', async () => {
    await tracing.uninstall();
    await inSpan('nothing', { kind: SpanKind.INTERNAL }, async () => expect(traceHeaders()).toEqual({}));
    tracing = installInMemoryTracing();
  });

  it('continues a trace from an RPC client span into the server span of the answering service', async () => {
    const def = { service: 'echo', verb: 'echo', version: 1, subject: 'svc.echo.echo.v1', request: z.object({}), response: z.object({ ok: z.boolean() }) };
    const service = await startRpcService(nc, topology(), logger, new ServiceMetrics('echo'), {
      name: 'echo',
      version: '0.0.1',
      description: 'echo',
      endpoints: [endpoint(def, async () => ({ ok: true }))],
    });
    try {
      const rpc = new RpcClient(nc, topology());
      const traceId = await inSpan('caller', { kind: SpanKind.INTERNAL, service: 'caller' }, async (span) => {
        await rpc.request(def, { tenantId: uuid7(), actor: { type: 'system', id: 'test' }, correlationId: 'c1' }, {});
        return span.spanContext().traceId;
      });
      const server = await until(() => tracing.trace(traceId).find((s) => s.kind === SpanKind.SERVER));
      const client = tracing.trace(traceId).find((s) => s.kind === SpanKind.CLIENT)!;
      expect(server.parentSpanContext?.spanId).toBe(client.spanContext().spanId);
      expect(client.attributes[SERVICE_ATTRIBUTE]).toBe('caller');
      expect(server.attributes[SERVICE_ATTRIBUTE]).toBe('echo');
    } finally {
      await service.stop();
    }
  });

  it('keeps the trace of the write with the outbox row and restores it when the relay publishes, for the consumer to continue', async () => {
    const metrics = new ServiceMetrics('producer');
    const relay = new OutboxRelay(ds, 'tr', nc.jetstream(), topology(), logger, metrics);
    const received: { body: Record<string, unknown>; traceparent: string | undefined }[] = [];
    const runner = new ConsumerRunner(
      {
        stream: 'LEADS',
        durable: 'trace-test',
        filterSubject: 'leads.traced.v1',
        handler: async (msg) => {
          received.push({ body: JSON.parse(new TextDecoder().decode(msg.data)) as Record<string, unknown>, traceparent: msg.header('traceparent') });
        },
      },
      { js: nc.jetstream(), jsm: await nc.jetstreamManager(), topology: topology(), logger, metrics: new ServiceMetrics('consumer') },
    );
    const envelope = (): EventEnvelope =>
      ({ id: uuid7(), type: 'lead.traced', version: 1, tenantId: uuid7(), occurredAt: new Date().toISOString(), correlationId: 'c2', causationId: null, data: {} }) as EventEnvelope;
    const traced = envelope();
    const untracedEvent = envelope();
    const traceId = await inSpan('write', { kind: SpanKind.SERVER, service: 'producer' }, async (span) => {
      await ds.transaction((tx) => enqueueEvents(tx, 'tr', [{ subject: 'leads.traced.v1', envelope: traced }]));
      return span.spanContext().traceId;
    });
    await ds.transaction((tx) => enqueueEvents(tx, 'tr', [{ subject: 'leads.traced.v1', envelope: untracedEvent }]));
    const stored: { trace: unknown }[] = await ds.query(`select envelope -> '_trace' as trace from tr.outbox order by seq`);
    expect(stored.map((r) => r.trace)).toEqual([{ traceparent: expect.stringContaining(traceId) }, null]);

    expect(await relay.publishBatch()).toBe(2);
    runner.start();
    try {
      await until(() => (received.length === 2 ? true : undefined));
      // The published body is the envelope alone: the trace travels in the headers.
      expect(received.map((r) => r.body)).toEqual([traced, untracedEvent]);
      expect(received[0]!.traceparent).toContain(traceId);
      expect(received[1]!.traceparent).toBeUndefined();

      const consumer = await until(() => tracing.trace(traceId).find((s) => s.kind === SpanKind.CONSUMER));
      const producer = tracing.trace(traceId).find((s) => s.kind === SpanKind.PRODUCER)!;
      const write = tracing.trace(traceId).find((s) => s.name === 'write')!;
      expect(producer.parentSpanContext?.spanId).toBe(write.spanContext().spanId);
      expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
      expect(tracing.servicesIn(traceId)).toEqual(new Set(['producer', 'consumer']));
      // The untraced event started no trace of its own on the way.
      expect(tracing.spans().filter((s) => s.kind === SpanKind.PRODUCER)).toHaveLength(1);
    } finally {
      await runner.stop();
    }
  });
});
