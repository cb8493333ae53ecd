import { createLogger, exitOnSignals, loadConfigOrExit, runServiceMain } from '@soraaya/service-kit';
import { LEAD_DATABASE, SERVICE_NAME, buildLeadApp } from './app';
import { leadConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(leadConfigSchema, SERVICE_NAME);
  const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const app = await buildLeadApp(config);
  exitOnSignals(() => app.stop(), logger);
  await app.http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  app.runtime.logger.info({ port: config.HTTP_PORT }, 'lead service ready');
}

// `node dist/lead/main.js migrate` only applies the pending migrations (the chart's migration Job).
runServiceMain(main, { name: SERVICE_NAME, configSchema: leadConfigSchema, ...LEAD_DATABASE });
