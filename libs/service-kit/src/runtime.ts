import type { StreamName } from '@soraaya/contracts';
import { Redis } from 'ioredis';
import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import type { BaseConfig } from './config/load-config';
import { createServiceDataSource, type ServiceDatabase } from './db/data-source';
import { applyMigrations } from './migrate-command';
import { createLogger, type Logger } from './logging/logger';
import { ServiceMetrics } from './metrics/metrics';
import { connectNats } from './nats/connect';
import { ensureStreams } from './nats/ensure-streams';
import { RpcClient } from './nats/rpc-client';
import { Topology } from './nats/topology';
import { Shutdown } from './lifecycle/shutdown';
import type { DbPoolStats } from './metrics/metrics';
import { useOtlpTracing } from './tracing/tracing-sdk';
import type { ReadinessCheck } from './http/ops-server';

/** `schema` and `migrations`: the Postgres schema the service owns (the migrate command applies the same, see migrate-command.ts). */
export interface RuntimeOptions extends ServiceDatabase {
  name: string;
  version: string;
  config: BaseConfig;
  /** Streams this service publishes to or consumes from; ensured at start. */
  streams: readonly StreamName[];
  /** Run pending migrations at start (the dev start script and tests do; the chart runs them in a Job). */
  runMigrations?: boolean;
  logger?: Logger;
}

/** The connections and helpers every service needs, opened in order and closed in reverse. */
export interface ServiceRuntime {
  name: string;
  config: BaseConfig;
  logger: Logger;
  metrics: ServiceMetrics;
  topology: Topology;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  ds: DataSource;
  redis: Redis;
  rpc: RpcClient;
  shutdown: Shutdown;
  readinessChecks: Record<string, ReadinessCheck>;
}

export async function createRuntime(opts: RuntimeOptions): Promise<ServiceRuntime> {
  const { config } = opts;
  const logger = opts.logger ?? createLogger(opts.name, config.LOG_LEVEL);
  const shutdown = new Shutdown(logger);
  const metrics = new ServiceMetrics(opts.name);
  const topology = new Topology(config.NATS_PREFIX);
  const releaseTracing = useOtlpTracing({
    endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    serviceName: config.OTEL_SERVICE_NAME ?? `soraaya-${opts.name}`,
    sampleRatio: config.OTEL_TRACES_SAMPLE_RATIO,
  });
  // Added first, so it runs last: spans of the shutdown itself are still exported.
  shutdown.add('tracing', releaseTracing);

  try {
    const ds = createServiceDataSource({
      url: config.DATABASE_URL,
      schema: opts.schema,
      migrations: opts.migrations,
      poolSize: config.DB_POOL_SIZE,
    });
    await ds.initialize();
    shutdown.add('postgres', () => ds.destroy());
    const pool = (ds.driver as unknown as { master?: DbPoolStats }).master;
    if (pool) metrics.observeDbPool(pool);
    if (opts.runMigrations) await applyMigrations(ds, logger);

    const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: false });
    redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
    await redis.connect();
    shutdown.add('redis', () => redis.quit());

    const nc = await connectNats(config.NATS_URL, opts.name, logger);
    shutdown.add('nats', () => nc.drain());
    const jsm = await nc.jetstreamManager();
    const js = nc.jetstream();
    await ensureStreams(jsm, topology, [...new Set<StreamName>([...opts.streams, 'DLQ'])], {
      replicas: config.NATS_STREAM_REPLICAS,
      maxAgeHours: config.NATS_STREAM_MAX_AGE_HOURS,
    });

    const readinessChecks: Record<string, ReadinessCheck> = {
      postgres: async () => {
        await ds.query('select 1');
      },
      nats: async () => {
        if (nc.isClosed()) throw new Error('connection closed');
        await nc.flush();
      },
      redis: async () => {
        await redis.ping();
      },
    };

    return { name: opts.name, config, logger, metrics, topology, nc, js, jsm, ds, redis, rpc: new RpcClient(nc, topology), shutdown, readinessChecks };
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}
