import { appRoleGrantsSql, tenantPolicySql } from '@soraaya/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const NO_CAMPAIGN = '00000000-0000-0000-0000-000000000000';
const UTC_TODAY = `(now() at time zone 'UTC')::date`;

/**
 * The dashboard's history of leads, kept by statement triggers beside
 * lead_counts: per UTC day, campaign, source and status, how many leads were
 * created, came into that (status, campaign, source) and left it. The count of a
 * status at any past midnight is then today's count less what moved since, and
 * "added today by source" or "qualified this week" read a few hundred rows, not
 * the leads. Creations are dated by created_at (an import may carry older
 * leads); moves by the day they happen. Existing leads are back-filled as
 * created, in their current status, on their creation day: their earlier moves
 * were never recorded.
 *
 * Also an index for the dashboard's activity list: the latest moves into the
 * statuses a person should hear about, without reading every call's moves.
 */
export class LeadFlows1764115200000 implements MigrationInterface {
  name = 'LeadFlows1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table lead.lead_flows (
        tenant_id uuid not null,
        day date not null,
        campaign_key uuid not null,
        lead_source text not null,
        status text not null,
        created bigint not null default 0,
        entered bigint not null default 0,
        exited bigint not null default 0,
        primary key (tenant_id, day, campaign_key, lead_source, status)
      )`);
    // Transition tables exist only on single-event triggers: one function per event, all adding rows the same way.
    const flowFunction = (event: string, rows: string) => `
      create function lead.lead_flows_on_${event}() returns trigger language plpgsql as $$
      begin
        insert into lead.lead_flows as f (tenant_id, day, campaign_key, lead_source, status, created, entered, exited)
        ${rows}
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (tenant_id, day, campaign_key, lead_source, status) do update
          set created = f.created + excluded.created, entered = f.entered + excluded.entered, exited = f.exited + excluded.exited;
        return null;
      end $$`;
    await q.query(
      flowFunction(
        'insert',
        `select tenant_id, (created_at at time zone 'UTC')::date, coalesce(campaign_id, '${NO_CAMPAIGN}'), lead_source, status, count(*), count(*), 0
           from new_rows where deleted_at is null`,
      ),
    );
    // Only rows whose (status, campaign, source, live) changed move; a plain edit writes nothing.
    await q.query(
      flowFunction(
        'update',
        `select tenant_id, ${UTC_TODAY}, campaign_key, lead_source, status, 0, sum(entered), sum(exited) from (
           select o.tenant_id, coalesce(o.campaign_id, '${NO_CAMPAIGN}') as campaign_key, o.lead_source, o.status, 0 as entered, 1 as exited
             from old_rows o join new_rows n on n.id = o.id
            where o.deleted_at is null
              and (o.status, o.campaign_id, o.lead_source, n.deleted_at is null) is distinct from (n.status, n.campaign_id, n.lead_source, true)
           union all
           select n.tenant_id, coalesce(n.campaign_id, '${NO_CAMPAIGN}'), n.lead_source, n.status, 1, 0
             from old_rows o join new_rows n on n.id = o.id
            where n.deleted_at is null
              and (o.status, o.campaign_id, o.lead_source, o.deleted_at is null) is distinct from (n.status, n.campaign_id, n.lead_source, true)
         ) moved`,
      ),
    );
    await q.query(
      flowFunction(
        'delete',
        `select tenant_id, ${UTC_TODAY}, coalesce(campaign_id, '${NO_CAMPAIGN}'), lead_source, status, 0, 0, count(*)
           from old_rows where deleted_at is null`,
      ),
    );
    await q.query(`create trigger lead_flows_insert after insert on lead.leads referencing new table as new_rows
                   for each statement execute function lead.lead_flows_on_insert()`);
    await q.query(`create trigger lead_flows_update after update on lead.leads referencing old table as old_rows new table as new_rows
                   for each statement execute function lead.lead_flows_on_update()`);
    await q.query(`create trigger lead_flows_delete after delete on lead.leads referencing old table as old_rows
                   for each statement execute function lead.lead_flows_on_delete()`);
    await q.query(`
      insert into lead.lead_flows (tenant_id, day, campaign_key, lead_source, status, created, entered, exited)
      select tenant_id, (created_at at time zone 'UTC')::date, coalesce(campaign_id, '${NO_CAMPAIGN}'), lead_source, status, count(*), count(*), 0
        from lead.leads where deleted_at is null group by 1, 2, 3, 4, 5`);
    for (const sql of tenantPolicySql('lead.lead_flows')) await q.query(sql);
    for (const sql of appRoleGrantsSql('lead')) await q.query(sql);

    await q.query(`
      create index activities_tenant_notable_moves on lead.activities (tenant_id, occurred_at desc, id desc)
       where kind = 'status_changed' and details->>'to' in ('qualified', 'callback_requested', 'human_input_needed', 'human_follow_up')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index lead.activities_tenant_notable_moves`);
    for (const t of ['insert', 'update', 'delete']) await q.query(`drop trigger lead_flows_${t} on lead.leads`);
    for (const t of ['insert', 'update', 'delete']) await q.query(`drop function lead.lead_flows_on_${t}()`);
    await q.query(`drop table lead.lead_flows`);
  }
}
