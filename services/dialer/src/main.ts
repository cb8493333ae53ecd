import { createLogger, exitOnSignals, loadConfigOrExit } from '@soraaya/service-kit';
import { SERVICE_NAME, buildDialerApp } from './app';
import { dialerConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(dialerConfigSchema, SERVICE_NAME);
  const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const app = await buildDialerApp(config);
  exitOnSignals(() => app.stop(), logger);
  await app.http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  logger.info({ port: config.HTTP_PORT, provider: config.DIALER_PROVIDER }, 'dialer ready');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
