import { createLogger, exitOnSignals, loadConfigOrExit, runServiceMain } from '@soraaya/service-kit';
import { NOTIFICATION_DATABASE, SERVICE_NAME, buildNotificationApp } from './app';
import { notificationConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(notificationConfigSchema, SERVICE_NAME);
  const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const app = await buildNotificationApp(config);
  exitOnSignals(() => app.stop(), logger);
  await app.http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  logger.info({ port: config.HTTP_PORT }, 'notification service ready');
}

// `node dist/notification/main.js migrate` only applies the pending migrations (the chart's migration Job).
runServiceMain(main, { name: SERVICE_NAME, configSchema: notificationConfigSchema, ...NOTIFICATION_DATABASE });
