import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the console's other sortable columns (name, last updated). Without
 * them a sort by name over a million leads sorts every matching row: ~300 ms a page.
 * Lists are read all day; imports are rare, so the extra index cost on writes is paid.
 */
export class SortIndexes1764028800000 implements MigrationInterface {
  name = 'SortIndexes1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index leads_tenant_name on lead.leads (tenant_id, contact_person, id) where deleted_at is null`);
    await q.query(`create index leads_tenant_updated on lead.leads (tenant_id, updated_at desc, id desc) where deleted_at is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index lead.leads_tenant_updated`);
    await q.query(`drop index lead.leads_tenant_name`);
  }
}
