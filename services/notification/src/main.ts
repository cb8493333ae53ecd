import { createLogger, exitOnSignals, loadConfigOrExit } from '@soraaya/service-kit';
import { SERVICE_NAME, buildNotificationApp } from './app';
import { notificationConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(notificationConfigSchema, SERVICE_NAME);
  const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const app = await buildNotificationApp(config);
  exitOnSignals(() => app.stop(), logger);
  await app.http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  logger.info({ port: config.HTTP_PORT }, 'notification service ready');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
