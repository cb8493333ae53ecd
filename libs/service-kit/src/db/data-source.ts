import { types } from 'pg';
import { DataSource, type MixedList } from 'typeorm';

// bigint columns (counts, rupee amounts) as numbers: every value we store is far
// below 2^53, and strings would leak into every DTO.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));
// dates stay 'YYYY-MM-DD' strings: as Date objects they take the process time zone and can shift a day.
types.setTypeParser(types.builtins.DATE, (value) => value);
types.setTypeParser(types.builtins.NUMERIC, (value) => Number(value));
import { sqlIdentifier } from './sql-identifier';

/** A service's own Postgres schema and the migrations that build it. */
export interface ServiceDatabase {
  /** The service's own Postgres schema, e.g. `lead`. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

export interface ServiceDataSourceOptions extends ServiceDatabase {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/**
 * One DataSource per service, bound to the service's own schema with its own
 * migrations table. `synchronize` stays off: the schema changes only through
 * reviewed, timestamped migrations.
 */
export function createServiceDataSource(opts: ServiceDataSourceOptions): DataSource {
  const schema = sqlIdentifier(opts.schema);
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    schema,
    synchronize: false,
    migrationsRun: false,
    migrations: opts.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    entities: [],
    logging: false,
    applicationName: opts.applicationName ?? `soraaya-${schema}`,
    extra: { max: opts.poolSize ?? 10 },
  });
}

/** Creates the schema if needed, then applies pending migrations. Returns their names. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const schema = sqlIdentifier(String((ds.options as { schema?: string }).schema ?? ''));
  await ds.query(`create schema if not exists ${schema}`);
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
