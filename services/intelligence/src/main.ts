import { createLogger, exitOnSignals, loadConfigOrExit, runServiceMain } from '@soraaya/service-kit';
import { INTEL_DATABASE, SERVICE_NAME, buildIntelligenceApp } from './app';
import { intelligenceConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(intelligenceConfigSchema, SERVICE_NAME);
  const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const app = await buildIntelligenceApp(config);
  exitOnSignals(() => app.stop(), logger);
  await app.http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  logger.info({ port: config.HTTP_PORT }, 'intelligence service ready');
}

// `node dist/intelligence/main.js migrate` only applies the pending migrations (the chart's migration Job).
runServiceMain(main, { name: SERVICE_NAME, configSchema: intelligenceConfigSchema, ...INTEL_DATABASE });
