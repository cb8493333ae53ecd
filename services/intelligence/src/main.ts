import { createLogger, exitOnSignals, loadConfigOrExit } from '@soraaya/service-kit';
import { SERVICE_NAME, buildIntelligenceApp } from './app';
import { intelligenceConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(intelligenceConfigSchema, SERVICE_NAME);
  const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const app = await buildIntelligenceApp(config);
  exitOnSignals(() => app.stop(), logger);
  await app.http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  logger.info({ port: config.HTTP_PORT }, 'intelligence service ready');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
