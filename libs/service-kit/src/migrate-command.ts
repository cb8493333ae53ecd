import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { loadConfigOrExit, redactUrlPassword, type BaseConfig } from './config/load-config';
import { createServiceDataSource, migrate, type ServiceDatabase } from './db/data-source';
import { createLogger, type Logger } from './logging/logger';

/**
 * Creates the service's schema if needed and applies its pending migrations,
 * logging what it applied. Both ways a service migrates go through here: at
 * start (createRuntime with RUN_MIGRATIONS) and the migrate command below.
 */
export async function applyMigrations(ds: DataSource, logger: Logger): Promise<string[]> {
  const schema = (ds.options as { schema?: string }).schema;
  const applied = await migrate(ds);
  if (applied.length) logger.info({ schema, applied }, 'migrations applied');
  else logger.info({ schema }, 'no pending migrations');
  return applied;
}

export interface MigrateCommandOptions<S extends z.ZodType<BaseConfig>> extends ServiceDatabase {
  /** The service, as in its logs and config errors. */
  name: string;
  /** The service's whole config schema: a Job with a bad setting fails like the service would. */
  configSchema: S;
  env?: NodeJS.ProcessEnv;
}

/**
 * The migrate-only command of a service, for the chart's migration Job: loads the
 * service's config (exit 78 naming the variable when it is bad), opens one
 * Postgres connection (no NATS, Redis, consumers or ports), applies the pending
 * migrations, logs them and exits 0; any failure exits 1 with one line saying
 * what failed. Never returns.
 */
export async function migrateAndExit<S extends z.ZodType<BaseConfig>>(opts: MigrateCommandOptions<S>): Promise<never> {
  const config: BaseConfig = loadConfigOrExit(opts.configSchema, opts.name, opts.env);
  const logger = createLogger(opts.name, config.LOG_LEVEL);
  const fail = (what: string, err: unknown): never => {
    console.error(`${opts.name} migrate: ${what}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  };

  const ds = createServiceDataSource({ url: config.DATABASE_URL, schema: opts.schema, migrations: opts.migrations, poolSize: 1 });
  try {
    await ds.initialize();
  } catch (err) {
    fail(`cannot connect to Postgres at DATABASE_URL (${redactUrlPassword(config.DATABASE_URL)})`, err);
  }
  try {
    await applyMigrations(ds, logger);
  } catch (err) {
    await ds.destroy().catch(() => undefined);
    fail(`migrations of schema ${opts.schema} failed (each migration commits on its own: those before it stay applied)`, err);
  }
  await ds.destroy();
  process.exit(0);
}

/**
 * A service's entry: `node dist/<service>/main.js migrate` runs the migrate command
 * (the chart's migration Job); any other invocation runs `start`, and an error it
 * throws is printed and exits 1.
 */
export function runServiceMain<S extends z.ZodType<BaseConfig>>(
  start: () => Promise<void>,
  migrate: MigrateCommandOptions<S>,
  argv: readonly string[] = process.argv,
): void {
  (argv[2] === 'migrate' ? migrateAndExit(migrate) : start()).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
