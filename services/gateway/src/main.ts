import { createLogger, exitOnSignals, loadConfigOrExit, runServiceMain } from '@soraaya/service-kit';
import { GATEWAY_DATABASE, SERVICE_NAME, buildGatewayApp } from './app';
import { gatewayConfigSchema } from './config';
import { seedDemoTenant } from './tenants/demo-tenant';

async function main(): Promise<void> {
  const config = loadConfigOrExit(gatewayConfigSchema, SERVICE_NAME);
  const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const app = await buildGatewayApp(config);
  exitOnSignals(() => app.stop(), logger);
  if (config.SEED_DEMO_TENANT) {
    const seeded = await seedDemoTenant(app.runtime.ds, { email: config.SORAAYA_ADMIN_EMAIL, password: config.SORAAYA_ADMIN_PASSWORD });
    if (seeded.generatedPassword) {
      // Printed once, on the first start only: it is stored nowhere but as a hash.
      console.log(`\n  Demo admin created: ${seeded.adminEmail}  password: ${seeded.generatedPassword}\n  (shown once; set SORAAYA_ADMIN_PASSWORD to choose it)\n`);
    }
  }
  await app.http.listen({ host: config.HOST, port: config.PORT });
  logger.info({ port: config.PORT }, 'gateway ready');
}

// `node dist/gateway/main.js migrate` only applies the pending migrations (the chart's migration Job).
runServiceMain(main, { name: SERVICE_NAME, configSchema: gatewayConfigSchema, ...GATEWAY_DATABASE });
