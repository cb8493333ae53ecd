import type { DataSource, EntityManager } from 'typeorm';

/**
 * Role every service switches to inside tenant-scoped transactions. It does not
 * own the tables, so row-level security applies to it even when the service
 * connects as the owner; created by each service's first migration.
 */
export const APP_DB_ROLE = 'soraaya_app';

/**
 * Runs `work` in a transaction that Postgres itself scopes to one tenant: the
 * tenant id goes into `app.tenant_id` (read by the row-level security policies)
 * and the role drops to APP_DB_ROLE. A query that forgets its `tenant_id`
 * filter still cannot see another tenant's rows.
 */
export async function withTenant<T>(ds: DataSource, tenantId: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return ds.transaction(async (tx) => {
    // One round trip for both: set_config('role', ..., true) is SET LOCAL ROLE.
    await tx.query(`select set_config('app.tenant_id', $1, true), set_config('role', $2, true)`, [tenantId, APP_DB_ROLE]);
    return work(tx);
  });
}

/** SQL for a migration: the role and its grants on a schema (idempotent, safe when several services race). */
export function appRoleGrantsSql(schema: string): string[] {
  return [
    `do $$ begin
       if not exists (select from pg_roles where rolname = '${APP_DB_ROLE}') then
         create role ${APP_DB_ROLE} nologin;
       end if;
     exception when duplicate_object or unique_violation then null;
     end $$`,
    `grant usage on schema ${schema} to ${APP_DB_ROLE}`,
    `grant select, insert, update, delete on all tables in schema ${schema} to ${APP_DB_ROLE}`,
    `grant usage, select on all sequences in schema ${schema} to ${APP_DB_ROLE}`,
    `alter default privileges in schema ${schema} grant select, insert, update, delete on tables to ${APP_DB_ROLE}`,
    `alter default privileges in schema ${schema} grant usage, select on sequences to ${APP_DB_ROLE}`,
  ];
}

/** SQL enabling row-level security on a tenant table, keyed on `tenant_id`. */
export function tenantPolicySql(qualifiedTable: string): string[] {
  const policy = `${qualifiedTable.replace('.', '_')}_tenant_isolation`;
  return [
    `alter table ${qualifiedTable} enable row level security`,
    `create policy ${policy} on ${qualifiedTable}
       using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
       with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)`,
  ];
}
