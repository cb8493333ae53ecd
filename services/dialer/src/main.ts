import { createLogger, exitOnSignals, loadConfigOrExit, runServiceMain } from '@soraaya/service-kit';
import { DIALER_DATABASE, SERVICE_NAME, buildDialerApp } from './app';
import { dialerConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(dialerConfigSchema, SERVICE_NAME);
  const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const app = await buildDialerApp(config);
  exitOnSignals(() => app.stop(), logger);
  await app.http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  logger.info({ port: config.HTTP_PORT, provider: config.DIALER_PROVIDER }, 'dialer ready');
}

// `node dist/dialer/main.js migrate` only applies the pending migrations (the chart's migration Job).
runServiceMain(main, { name: SERVICE_NAME, configSchema: dialerConfigSchema, ...DIALER_DATABASE });
