import { ConsumerRunner, OutboxRelay, RpcClient, buildOpsServer, createRuntime, startRpcService, type ServiceRuntime, type ServiceDatabase } from '@soraaya/service-kit';
import type { FastifyInstance } from 'fastify';
import { OfflineAnalyzer, type Analyzer } from './analyzers/analyzer';
import { OpenAiAnalyzer } from './analyzers/openai.analyzer';
import type { IntelligenceConfig } from './config';
import { callEndedConsumer } from './consumers/call-ended.handler';
import { INTEL_MIGRATIONS } from './db/migrations';
import { IntelMetrics } from './metrics/intel.metrics';
import { intelligenceEndpoints } from './rpc/intelligence.endpoints';

export const SERVICE_NAME = 'intelligence';
export const SERVICE_VERSION = '0.1.0';
/** The intel schema and its migrations: applied at start (RUN_MIGRATIONS) or by `main.js migrate`, the chart's migration Job. */
export const INTEL_DATABASE: ServiceDatabase = { schema: 'intel', migrations: INTEL_MIGRATIONS };

export interface IntelligenceApp {
  runtime: ServiceRuntime;
  http: FastifyInstance;
  analyzer: Analyzer;
  stop(): Promise<void>;
}

/** Transcripts, call analysis (offline rules or OpenAI), lead qualification from calls, insights. */
export async function buildIntelligenceApp(config: IntelligenceConfig): Promise<IntelligenceApp> {
  const runtime = await createRuntime({
    name: SERVICE_NAME,
    version: SERVICE_VERSION,
    config,
    ...INTEL_DATABASE,
    streams: ['CALLS', 'INTEL'],
    runMigrations: config.RUN_MIGRATIONS,
  });
  const { ds, js, jsm, nc, topology, logger, metrics, shutdown } = runtime;
  try {
    const rpc = new RpcClient(nc, topology);
    const analyzer: Analyzer = config.OPENAI_API_KEY
      ? new OpenAiAnalyzer(
          {
            apiKey: config.OPENAI_API_KEY,
            ...(config.OPENAI_BASE_URL ? { baseUrl: config.OPENAI_BASE_URL } : {}),
            model: config.OPENAI_MODEL,
            timeoutMs: config.OPENAI_TIMEOUT_MS,
            maxRetries: config.OPENAI_MAX_RETRIES,
            priceInputPerMTok: config.OPENAI_PRICE_INPUT_PER_MTOK,
            priceOutputPerMTok: config.OPENAI_PRICE_OUTPUT_PER_MTOK,
            breakerFailures: config.OPENAI_BREAKER_FAILURES,
            breakerCooldownMs: config.OPENAI_BREAKER_COOLDOWN_SECONDS * 1000,
          },
          ds,
          logger,
        )
      : new OfflineAnalyzer();
    const relay = new OutboxRelay(ds, 'intel', js, topology, logger, metrics);
    await relay.start(config.DATABASE_URL);
    shutdown.add('outbox relay', () => relay.stop());
    const runner = new ConsumerRunner(callEndedConsumer({ ds, rpc, analyzer, logger, metrics: new IntelMetrics(metrics) }), { js, jsm, topology, logger, metrics });
    runner.start();
    shutdown.add('consumer calls ended', () => runner.stop());
    const service = await startRpcService(nc, topology, logger, metrics, {
      name: SERVICE_NAME,
      version: SERVICE_VERSION,
      description: 'Transcripts, call analysis and insights',
      endpoints: intelligenceEndpoints(ds),
    });
    shutdown.add('rpc service', () => service.stop());
    const http = buildOpsServer({ metrics, checks: runtime.readinessChecks });
    shutdown.add('ops http', () => http.close());
    return { runtime, http, analyzer, stop: () => shutdown.run() };
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}
