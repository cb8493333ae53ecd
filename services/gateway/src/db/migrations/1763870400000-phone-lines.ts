import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant's own phone numbers. An inbound call carries no metadata of ours,
 * so when VAPI asks which assistant should answer (`assistant-request`), the
 * number that was dialled is the only thing that says whose call it is.
 */
export class PhoneLines1763870400000 implements MigrationInterface {
  name = 'PhoneLines1763870400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table gateway.phone_lines (
        id uuid primary key,
        tenant_id uuid not null references gateway.tenants (id),
        number_e164 text not null unique check (number_e164 ~ '^\\+[1-9][0-9]{6,14}$'),
        vapi_phone_number_id text unique,
        label text not null,
        campaign_id uuid,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index phone_lines_tenant on gateway.phone_lines (tenant_id, label)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table gateway.phone_lines`);
  }
}
