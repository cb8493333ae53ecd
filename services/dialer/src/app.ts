import {
  ConsumerRunner,
  OutboxRelay,
  RpcClient,
  buildOpsServer,
  createRuntime,
  startRpcService,
  type ServiceRuntime,
  type ServiceDatabase,
} from '@soraaya/service-kit';
import type { FastifyInstance } from 'fastify';
import type { LifecycleDeps } from './calls/call-lifecycle';
import { CircuitBreaker } from './calls/circuit-breaker';
import { LeadStatusClient } from './calls/lead-status.client';
import { Pacer, type PacerOptions } from './calls/pacer';
import { Reaper } from './calls/reaper';
import { VoiceTools } from './calls/voice-tools';
import { providerCps, type DialerConfig } from './config';
import { stateConsumers } from './consumers/campaign.handlers';
import { webhookConsumers } from './consumers/webhook.handlers';
import { DIALER_MIGRATIONS } from './db/migrations';
import { DialerMetrics } from './metrics/dialer.metrics';
import type { TelephonyProvider } from './providers/provider';
import { SimulatorProvider } from './providers/simulator.provider';
import { TwilioProvider } from './providers/twilio.provider';
import { VapiProvider } from './providers/vapi.provider';
import { dialerEndpoints } from './rpc/dialer.endpoints';
import { RedisSlots } from './slots/redis-slots';

export const SERVICE_NAME = 'dialer';
export const SERVICE_VERSION = '0.1.0';
/** The dialer schema and its migrations: applied at start (RUN_MIGRATIONS) or by `main.js migrate`, the chart's migration Job. */
export const DIALER_DATABASE: ServiceDatabase = { schema: 'dialer', migrations: DIALER_MIGRATIONS };

export interface DialerApp {
  runtime: ServiceRuntime;
  http: FastifyInstance;
  pacer: Pacer;
  reaper: Reaper;
  slots: RedisSlots;
  breaker: CircuitBreaker;
  stop(): Promise<void>;
}

export interface DialerAppOptions {
  provider?: TelephonyProvider;
  /** Observers for tests and benches. */
  onSlotTaken?: PacerOptions['onSlotTaken'];
  onSlotFreed?: (campaignId?: string) => void;
}

function makeProvider(config: DialerConfig, logger: ServiceRuntime['logger']): TelephonyProvider {
  switch (config.DIALER_PROVIDER) {
    case 'vapi':
      return new VapiProvider({
        apiKey: config.VAPI_API_KEY!,
        phoneNumberId: config.VAPI_PHONE_NUMBER_ID!,
        assistantId: config.VAPI_ASSISTANT_ID!,
        ...(config.VAPI_BASE_URL ? { baseUrl: config.VAPI_BASE_URL } : {}),
      });
    case 'twilio':
      return new TwilioProvider({
        accountSid: config.TWILIO_ACCOUNT_SID!,
        authToken: config.TWILIO_AUTH_TOKEN!,
        from: config.TWILIO_FROM_NUMBER!,
        twimlUrl: config.TWILIO_TWIML_URL!,
        publicBaseUrl: config.PUBLIC_BASE_URL,
        ...(config.TWILIO_API_BASE_URL ? { apiBaseUrl: config.TWILIO_API_BASE_URL } : {}),
      });
    default:
      return new SimulatorProvider(
        {
          webhookUrl: config.SIMULATOR_WEBHOOK_URL,
          secret: config.VAPI_WEBHOOK_SECRET!,
          auth: config.VAPI_WEBHOOK_AUTH,
          speed: config.SIMULATOR_SPEED,
          outcomes: config.SIMULATOR_OUTCOMES,
          seed: config.SIMULATOR_SEED,
        },
        logger,
      );
  }
}

/** The dialer: pacing under caps, compliance, the call state machine, retries and providers. */
export async function buildDialerApp(config: DialerConfig, opts: DialerAppOptions = {}): Promise<DialerApp> {
  const runtime = await createRuntime({
    name: SERVICE_NAME,
    version: SERVICE_VERSION,
    config,
    ...DIALER_DATABASE,
    streams: ['CALLS', 'CAMPAIGNS', 'LEADS', 'WEBHOOKS'],
    runMigrations: config.RUN_MIGRATIONS,
  });
  const { ds, js, jsm, nc, topology, logger, metrics, shutdown, redis } = runtime;
  try {
    const rpc = new RpcClient(nc, topology, 10_000);
    const slots = new RedisSlots(redis, config.NATS_PREFIX ? `${config.NATS_PREFIX}:` : 'soraaya:');
    const provider = opts.provider ?? makeProvider(config, logger);
    let pacer: Pacer | null = null;
    const dialerMetrics = new DialerMetrics(metrics);
    const lifecycle: LifecycleDeps = {
      metrics: dialerMetrics,
      ds,
      slots,
      leads: new LeadStatusClient(rpc, logger),
      logger,
      minGapMinutes: config.MIN_GAP_MINUTES,
      onSlotFreed: (campaignId) => {
        opts.onSlotFreed?.(campaignId);
        pacer?.wake();
      },
    };
    const breaker = new CircuitBreaker(
      provider.name,
      { window: config.BREAKER_WINDOW, errorRate: config.BREAKER_ERROR_RATE, cooldownMs: config.BREAKER_COOLDOWN_SECONDS * 1000 },
      { ds, rpc, logger },
    );
    dialerMetrics.watch({ ds, tenantCap: config.TENANT_MAX_CONCURRENT_CALLS, breaker: () => ({ provider: provider.name, open: breaker.status !== 'closed' }) });

    const relay = new OutboxRelay(ds, 'dialer', js, topology, logger, metrics);
    await relay.start(config.DATABASE_URL);
    shutdown.add('outbox relay', () => relay.stop());

    const reaper = new Reaper(ds, slots, lifecycle, logger, {
      staleSeconds: config.CALL_STALE_SECONDS,
      intervalSeconds: config.REAPER_INTERVAL_SECONDS,
    });
    await reaper.runOnce(); // recover what a crash left behind before dialing again
    reaper.start();
    shutdown.add('reaper', async () => reaper.stop());

    pacer = new Pacer(ds, rpc, slots, provider, breaker, lifecycle, logger, {
      tenantCap: config.TENANT_MAX_CONCURRENT_CALLS,
      cps: providerCps(config),
      legal: { start: config.LEGAL_WINDOW_START, end: config.LEGAL_WINDOW_END },
      tickMs: config.PACER_TICK_MS,
      companyName: config.COMPANY_NAME,
      metrics: dialerMetrics,
      ...(opts.onSlotTaken ? { onSlotTaken: opts.onSlotTaken } : {}),
    });
    const p = pacer;
    for (const spec of [...stateConsumers(ds, () => p.wake()), ...webhookConsumers(ds, lifecycle)]) {
      const runner = new ConsumerRunner(spec, { js, jsm, topology, logger, metrics });
      runner.start();
      shutdown.add(`consumer ${spec.durable}`, () => runner.stop());
    }
    pacer.start();
    shutdown.add('pacer', () => p.stop());
    if (provider instanceof SimulatorProvider) shutdown.add('simulator', async () => provider.stop());

    const voiceTools = new VoiceTools({ ds, rpc, leads: lifecycle.leads, logger, legal: { start: config.LEGAL_WINDOW_START, end: config.LEGAL_WINDOW_END } });
    const service = await startRpcService(nc, topology, logger, metrics, {
      name: SERVICE_NAME,
      version: SERVICE_VERSION,
      description: 'Dialer: calling status, calls, the voice agent’s tools',
      endpoints: dialerEndpoints(ds, slots, config.TENANT_MAX_CONCURRENT_CALLS, voiceTools),
    });
    shutdown.add('rpc service', () => service.stop());
    const http = buildOpsServer({ metrics, checks: runtime.readinessChecks });
    shutdown.add('ops http', () => http.close());
    return { runtime, http, pacer, reaper, slots, breaker, stop: () => shutdown.run() };
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}
