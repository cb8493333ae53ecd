import { ConsumerRunner, OutboxRelay, RpcClient, buildOpsServer, createRuntime, startRpcService, type ServiceRuntime, type ServiceDatabase } from '@soraaya/service-kit';
import type { FastifyInstance } from 'fastify';
import type { NotificationConfig } from './config';
import { triggerConsumers } from './consumers/trigger.handlers';
import { NOTIFICATION_MIGRATIONS } from './db/migrations';
import { EmailSender, SmsSender } from './delivery/senders';
import { NotificationJobs } from './jobs/notification-jobs';
import { RecipientDirectory } from './notifications/recipients';
import { notificationEndpoints } from './rpc/notification.endpoints';

export const SERVICE_NAME = 'notification';
export const SERVICE_VERSION = '0.1.0';
/** The notification schema and its migrations: applied at start (RUN_MIGRATIONS) or by `main.js migrate`, the chart's migration Job. */
export const NOTIFICATION_DATABASE: ServiceDatabase = { schema: 'notification', migrations: NOTIFICATION_MIGRATIONS };

export interface NotificationApp {
  runtime: ServiceRuntime;
  http: FastifyInstance;
  jobs: NotificationJobs;
  stop(): Promise<void>;
}

export interface NotificationAppOptions {
  /** The service's idea of now: rules, escalation SLA and delivery backoff all read it (tests move it). */
  clock?: () => Date;
  /** Run the periodic jobs on a timer (tests call `jobs.tick(now)` themselves). */
  timers?: boolean;
}

/** Notifications raised from platform events, their delivery (in-app, email, SMS) and escalation. */
export async function buildNotificationApp(config: NotificationConfig, opts: NotificationAppOptions = {}): Promise<NotificationApp> {
  const clock = opts.clock ?? (() => new Date());
  const runtime = await createRuntime({
    name: SERVICE_NAME,
    version: SERVICE_VERSION,
    config,
    ...NOTIFICATION_DATABASE,
    streams: ['NOTIFICATIONS', 'INTEL', 'CALLS', 'LEADS'],
    runMigrations: config.RUN_MIGRATIONS,
  });
  const { ds, js, jsm, nc, topology, logger, metrics, shutdown } = runtime;
  try {
    const rpc = new RpcClient(nc, topology);
    const recipients = new RecipientDirectory(rpc);
    const settings = { importRejectedShare: config.IMPORT_REJECTED_SHARE, callFailuresInARow: 3 };
    const relay = new OutboxRelay(ds, 'notification', js, topology, logger, metrics);
    await relay.start(config.DATABASE_URL);
    shutdown.add('outbox relay', () => relay.stop());
    for (const spec of triggerConsumers({ ds, rpc, recipients, settings, logger, clock })) {
      const runner = new ConsumerRunner(spec, { js, jsm, topology, logger, metrics });
      runner.start();
      shutdown.add(`consumer ${spec.durable}`, () => runner.stop());
    }
    const jobs = new NotificationJobs({
      ds,
      recipients,
      logger,
      senders: {
        email: new EmailSender({ driver: config.EMAIL_DRIVER, ...(config.SMTP_URL ? { smtpUrl: config.SMTP_URL } : {}), from: config.EMAIL_FROM }, logger),
        sms: new SmsSender({ driver: config.SMS_DRIVER, accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN, from: config.TWILIO_FROM_NUMBER, apiBaseUrl: config.TWILIO_API_BASE_URL }, logger),
      },
      settings: { ...settings, slaMinutes: config.ESCALATION_SLA_MINUTES, maxAttempts: config.DELIVERY_MAX_ATTEMPTS, consoleUrl: config.CONSOLE_BASE_URL },
    });
    if (opts.timers !== false) {
      let running: Promise<void> | null = null;
      const timer = setInterval(() => {
        running ??= jobs
          .tick(clock())
          .catch((err: unknown) => logger.error({ err }, 'notification jobs failed'))
          .finally(() => (running = null));
      }, Math.min(config.ESCALATION_SCAN_SECONDS, 5) * 1000);
      shutdown.add('notification jobs', async () => {
        clearInterval(timer);
        await running;
      });
    }
    metrics.gauge({
      name: 'soraaya_notifications_pending',
      help: 'Notifications waiting for a person (pending), by priority, across tenants; escalated ones included',
      labelNames: ['priority'],
      async collect() {
        const rows: { priority: string; n: number }[] = await ds.query(`select priority, count(*)::int as n from notification.notifications where status = 'pending' group by priority`);
        for (const priority of ['high', 'medium', 'low']) this.set({ priority }, rows.find((r) => r.priority === priority)?.n ?? 0);
      },
    });
    const deliveries = metrics.counter({ name: 'soraaya_notification_deliveries_total', help: 'Email and SMS delivery attempts by channel and result', labelNames: ['channel', 'result'] });
    for (const channel of ['email', 'sms']) for (const result of ['sent', 'retry', 'failed']) deliveries.inc({ channel, result }, 0);
    jobs.onDelivery = (channel, result) => deliveries.inc({ channel, result });
    const service = await startRpcService(nc, topology, logger, metrics, {
      name: SERVICE_NAME,
      version: SERVICE_VERSION,
      description: 'Notifications: raising, listing, resolving, preferences',
      endpoints: notificationEndpoints(ds),
    });
    shutdown.add('rpc service', () => service.stop());
    const http = buildOpsServer({ metrics, checks: runtime.readinessChecks });
    shutdown.add('ops http', () => http.close());
    return { runtime, http, jobs, stop: () => shutdown.run() };
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}
