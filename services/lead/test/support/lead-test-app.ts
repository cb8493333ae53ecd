import type { EndpointDefinition, EventEnvelope, RequestMeta } from '@soraaya/contracts';
import { RpcClient, Topology, loadConfig, uuid7, AppError } from '@soraaya/service-kit';
import { createTestInfra, type TestInfra } from '@soraaya/service-kit/testing';
import { AckPolicy, DeliverPolicy, connect, type NatsConnection } from 'nats';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { buildLeadApp, type LeadApp, type LeadAppOptions } from '../../src/app';
import { leadConfigSchema, type LeadConfig } from '../../src/config';

/**
 * The lead service on real Postgres and NATS, in a database and stream prefix of
 * its own, with a client that calls it exactly as the gateway will.
 */
export interface LeadTestApp {
  infra: TestInfra;
  config: LeadConfig;
  app: LeadApp;
  nc: NatsConnection;
  rpc: RpcClient;
  topology: Topology;
  meta: RequestMeta;
  call<TReq extends z.ZodType, TRes extends z.ZodType>(def: EndpointDefinition<TReq, TRes>, data: z.input<TReq>, meta?: Partial<RequestMeta>): Promise<z.output<TRes>>;
  /** Calls and returns the error the service answered with (fails if it succeeded). */
  fail<TReq extends z.ZodType, TRes extends z.ZodType>(def: EndpointDefinition<TReq, TRes>, data: unknown, meta?: Partial<RequestMeta>): Promise<AppError>;
  /** Restarts the service on the same database and streams (a crash and redeploy). */
  restart(opts?: LeadAppOptions): Promise<void>;
  stop(): Promise<void>;
}

export async function startLeadTestApp(label: string, opts: LeadAppOptions = {}, env: Record<string, string> = {}): Promise<LeadTestApp> {
  const infra = await createTestInfra(label);
  const config = loadConfig(leadConfigSchema, { ...infra.env, SILENT_SCAN_INTERVAL_SECONDS: '3600', ...env });
  let app = await buildLeadApp(config, opts);
  const nc = await connect({ servers: infra.natsUrl });
  const topology = new Topology(infra.natsPrefix);
  const rpc = new RpcClient(nc, topology, 30_000);
  const meta: RequestMeta = { tenantId: uuid7(), actor: { type: 'user', id: 'user-admin', role: 'admin', name: 'Asha Admin' }, correlationId: `test-${label}` };
  const t: LeadTestApp = {
    infra,
    config,
    get app() {
      return app;
    },
    nc,
    rpc,
    topology,
    meta,
    call: (def, data, m) => rpc.request(def, { ...meta, ...m }, data),
    async fail(def, data, m) {
      try {
        await rpc.request(def, { ...meta, ...m }, data as never);
      } catch (err) {
        if (err instanceof AppError) return err;
        throw err;
      }
      throw new Error(`${def.subject} succeeded but was expected to fail`);
    },
    async restart(o = opts) {
      await app.stop();
      app = await buildLeadApp(config, o);
    },
    async stop() {
      await app.stop();
      await nc.close();
      await infra.destroy();
    },
  };
  return t;
}

/** Reads every event on the suite's LEADS stream (optionally of one type), as the console's live feed would. */
export async function readEvents(t: LeadTestApp, type?: string): Promise<EventEnvelope[]> {
  const jsm = await t.nc.jetstreamManager();
  const stream = t.topology.stream('LEADS');
  const info = await jsm.streams.info(stream);
  if (info.state.messages === 0) return [];
  const name = `reader_${uuid7().slice(-12)}`;
  await jsm.consumers.add(stream, { name, ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All, inactive_threshold: 30e9 });
  const consumer = await t.nc.jetstream().consumers.get(stream, name);
  const out: EventEnvelope[] = [];
  const target = info.state.messages;
  let seen = 0;
  while (seen < target) {
    const batch = await consumer.fetch({ max_messages: Math.min(1000, target - seen), expires: 2000 });
    let got = 0;
    for await (const m of batch) {
      got++;
      seen++;
      out.push(m.json<EventEnvelope>());
    }
    if (got === 0) break;
  }
  await jsm.consumers.delete(stream, name).catch(() => undefined);
  return type ? out.filter((e) => e.type === type) : out;
}

/** Waits until the outbox relay has published everything committed so far. */
export async function waitForOutboxDrained(t: LeadTestApp, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const rows: { n: number }[] = await t.app.runtime.ds.query('select count(*)::int as n from lead.outbox');
    if (rows[0]!.n === 0) return;
    await sleep(50);
  }
  throw new Error('outbox not drained in time');
}

export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await sleep(50);
  }
  throw new Error(`condition not met in time${last ? `: ${(last as Error).message}` : ''}`);
}
