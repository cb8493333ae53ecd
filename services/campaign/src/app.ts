import { ConsumerRunner, OutboxRelay, RpcClient, buildOpsServer, createRuntime, startRpcService, type ServiceRuntime, type ServiceDatabase } from '@soraaya/service-kit';
import type { FastifyInstance } from 'fastify';
import type { CampaignConfig } from './config';
import { performanceConsumers } from './consumers/performance.handlers';
import { CAMPAIGN_MIGRATIONS } from './db/migrations';
import { campaignEndpoints } from './rpc/campaign.endpoints';

export const SERVICE_NAME = 'campaign';
export const SERVICE_VERSION = '0.1.0';
/** The campaign schema and its migrations: applied at start (RUN_MIGRATIONS) or by `main.js migrate`, the chart's migration Job. */
export const CAMPAIGN_DATABASE: ServiceDatabase = { schema: 'campaign', migrations: CAMPAIGN_MIGRATIONS };

export interface CampaignApp {
  runtime: ServiceRuntime;
  http: FastifyInstance;
  stop(): Promise<void>;
}

/** Campaigns, personas, properties, lead assignment and the performance read model. */
export async function buildCampaignApp(config: CampaignConfig, opts: { consumers?: boolean } = {}): Promise<CampaignApp> {
  const runtime = await createRuntime({
    name: SERVICE_NAME,
    version: SERVICE_VERSION,
    config,
    ...CAMPAIGN_DATABASE,
    streams: ['CAMPAIGNS', 'CALLS', 'INTEL'],
    runMigrations: config.RUN_MIGRATIONS,
  });
  const { ds, js, jsm, nc, topology, logger, metrics, shutdown } = runtime;
  try {
    // Assignment by filter walks the lead service page by page; each page can take a while.
    const deps = { ds, rpc: new RpcClient(nc, topology, 30_000), companyName: config.COMPANY_NAME };
    const relay = new OutboxRelay(ds, 'campaign', js, topology, logger, metrics);
    await relay.start(config.DATABASE_URL);
    shutdown.add('outbox relay', () => relay.stop());
    if (opts.consumers !== false) {
      for (const spec of performanceConsumers(ds)) {
        const runner = new ConsumerRunner(spec, { js, jsm, topology, logger, metrics });
        runner.start();
        shutdown.add(`consumer ${spec.durable}`, () => runner.stop());
      }
    }
    const service = await startRpcService(nc, topology, logger, metrics, {
      name: SERVICE_NAME,
      version: SERVICE_VERSION,
      description: 'Campaigns, agent personas, properties, lead assignment, performance',
      endpoints: campaignEndpoints(deps),
    });
    shutdown.add('rpc service', () => service.stop());
    const http = buildOpsServer({ metrics, checks: runtime.readinessChecks });
    shutdown.add('ops http', () => http.close());
    return { runtime, http, stop: () => shutdown.run() };
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}
