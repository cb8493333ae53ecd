import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Free-text search under row-level security. `LIKE` (textlike) is not leakproof,
 * so when RLS applies Postgres will not use the trigram index for it and scans
 * the table (~300 ms at a million leads). This function finds candidate ids
 * through the index as the table owner, but takes the tenant from the same
 * `app.tenant_id` setting the RLS policy reads, so a caller can never ask it for
 * another tenant's rows. Callers then read the rows themselves, under RLS.
 */
export class SearchUnderRls1763856000000 implements MigrationInterface {
  name = 'SearchUnderRls1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function lead.search_lead_ids(pattern text, max_rows integer) returns setof uuid
      language plpgsql stable security definer set search_path = pg_catalog, public as $$
      begin
        return query execute
          'select id from lead.leads
            where tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid
              and deleted_at is null and search_text like $1 limit $2'
          using pattern, max_rows;
      end $$`);
    await q.query(`revoke all on function lead.search_lead_ids(text, integer) from public`);
    await q.query(`grant execute on function lead.search_lead_ids(text, integer) to soraaya_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function lead.search_lead_ids(text, integer)`);
  }
}
