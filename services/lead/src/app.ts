import {
  ConsumerRunner,
  OutboxRelay,
  buildOpsServer,
  createRuntime,
  startRpcService,
  type OutboxRelayOptions,
  type ServiceRuntime,
  type ServiceDatabase,
} from '@soraaya/service-kit';
import type { FastifyInstance } from 'fastify';
import type { LeadConfig } from './config';
import { leadImportRequestedConsumer } from './consumers/lead-import-requested.handler';
import { LEAD_MIGRATIONS } from './db/migrations';
import { LeadMetrics } from './metrics/lead.metrics';
import { ImportFileStore } from './import/import-file-store';
import { SilentLeadJob } from './jobs/silent-lead.job';
import { leadEndpoints } from './rpc/lead.endpoints';

export const SERVICE_NAME = 'lead';
export const SERVICE_VERSION = '0.1.0';
/** The lead schema and its migrations: applied at start (RUN_MIGRATIONS) or by `main.js migrate`, the chart's migration Job. */
export const LEAD_DATABASE: ServiceDatabase = { schema: 'lead', migrations: LEAD_MIGRATIONS };

export interface LeadApp {
  runtime: ServiceRuntime;
  http: FastifyInstance;
  relay: OutboxRelay;
  files: ImportFileStore;
  silentJob: SilentLeadJob;
  stop(): Promise<void>;
}

export interface LeadAppOptions {
  /** Tests turn parts off to simulate crashes or to drive them by hand. */
  relay?: boolean | OutboxRelayOptions;
  consumers?: boolean;
  jobs?: boolean;
  importMaxDeliveries?: number;
  afterImportBatchCommit?: (importId: string, rowsCommitted: number) => void | Promise<void>;
}

/**
 * Builds the lead service without listening on a port: connections, migrations,
 * the RPC endpoints, the import worker, the outbox relay and the silent-lead job.
 */
export async function buildLeadApp(config: LeadConfig, opts: LeadAppOptions = {}): Promise<LeadApp> {
  const runtime = await createRuntime({
    name: SERVICE_NAME,
    version: SERVICE_VERSION,
    config,
    ...LEAD_DATABASE,
    streams: ['LEADS'],
    runMigrations: config.RUN_MIGRATIONS,
  });
  const { ds, js, jsm, nc, topology, logger, metrics, shutdown } = runtime;
  try {
    const files = new ImportFileStore(js, topology, config.NATS_STREAM_REPLICAS);
    await files.ensure();
    const deps = { ds, defaultRegion: config.DEFAULT_PHONE_REGION, files };

    const relay = new OutboxRelay(ds, 'lead', js, topology, logger, metrics, typeof opts.relay === 'object' ? opts.relay : {});
    if (opts.relay !== false) {
      await relay.start(config.DATABASE_URL);
      shutdown.add('outbox relay', () => relay.stop());
    }

    const silentJob = new SilentLeadJob(ds, logger, metrics, { afterHours: config.SILENT_AFTER_HOURS, intervalSeconds: config.SILENT_SCAN_INTERVAL_SECONDS });
    if (opts.jobs !== false) {
      silentJob.start();
      shutdown.add('silent lead job', () => silentJob.stop());
    }

    if (opts.consumers !== false) {
      const importWorker = new ConsumerRunner(
        leadImportRequestedConsumer(
          { ds, files, logger, batchSize: config.IMPORT_BATCH_SIZE, afterBatchCommit: opts.afterImportBatchCommit, metrics: new LeadMetrics(metrics) },
          { concurrency: config.IMPORT_WORKERS, maxDeliveries: opts.importMaxDeliveries },
        ),
        { js, jsm, topology, logger, metrics },
      );
      importWorker.start();
      shutdown.add('import worker', () => importWorker.stop());
    }

    const service = await startRpcService(nc, topology, logger, metrics, {
      name: SERVICE_NAME,
      version: SERVICE_VERSION,
      description: 'Leads: CRUD, status machine, import/export, do-not-call',
      endpoints: leadEndpoints(deps),
    });
    shutdown.add('rpc service', () => service.stop());

    const http = buildOpsServer({ metrics, checks: runtime.readinessChecks });
    shutdown.add('ops http', () => http.close());

    return { runtime, http, relay, files, silentJob, stop: () => shutdown.run() };
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}
