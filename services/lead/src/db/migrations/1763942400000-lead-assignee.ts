import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Leads get an owner: agents work only the leads assigned to them. */
export class LeadAssignee1763942400000 implements MigrationInterface {
  name = 'LeadAssignee1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table lead.leads add column assigned_user_id uuid`);
    await q.query(
      `create index leads_tenant_assignee_created on lead.leads (tenant_id, assigned_user_id, created_at desc, id desc) where deleted_at is null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index lead.leads_tenant_assignee_created`);
    await q.query(`alter table lead.leads drop column assigned_user_id`);
  }
}
