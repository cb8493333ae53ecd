import { createLogger, exitOnSignals, loadConfigOrExit, runServiceMain } from '@soraaya/service-kit';
import { CAMPAIGN_DATABASE, SERVICE_NAME, buildCampaignApp } from './app';
import { campaignConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(campaignConfigSchema, SERVICE_NAME);
  const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const app = await buildCampaignApp(config);
  exitOnSignals(() => app.stop(), logger);
  await app.http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  logger.info({ port: config.HTTP_PORT }, 'campaign service ready');
}

// `node dist/campaign/main.js migrate` only applies the pending migrations (the chart's migration Job).
runServiceMain(main, { name: SERVICE_NAME, configSchema: campaignConfigSchema, ...CAMPAIGN_DATABASE });
