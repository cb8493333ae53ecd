import { ConfigError, createLogger, exitOnSignals, loadConfig } from '@soraaya/service-kit';
import { SERVICE_NAME, buildLeadApp } from './app';
import { leadConfigSchema } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(leadConfigSchema);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${SERVICE_NAME}: ${err.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const app = await buildLeadApp(config);
  exitOnSignals(() => app.stop(), logger);
  await app.http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  app.runtime.logger.info({ port: config.HTTP_PORT }, 'lead service ready');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
