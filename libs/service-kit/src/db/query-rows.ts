import type { EntityManager } from 'typeorm';

/**
 * Runs SQL and returns its rows, whatever the statement. (TypeORM's plain
 * `query()` returns `[rows, count]` for UPDATE/DELETE ... RETURNING on Postgres
 * but bare rows for SELECT/INSERT; this always returns rows.)
 */
export async function queryRows<T>(tx: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const own = tx.queryRunner ? null : tx.connection.createQueryRunner();
  const runner = tx.queryRunner ?? own!;
  try {
    const result = await runner.query(sql, params, true);
    return result.records as T[];
  } finally {
    await own?.release();
  }
}
