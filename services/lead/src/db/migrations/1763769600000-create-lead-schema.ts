import { appRoleGrantsSql, outboxInboxSql, tenantPolicySql } from '@soraaya/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LEAD_STATUSES } from '@soraaya/contracts';

const statuses = LEAD_STATUSES.map((s) => `'${s}'`).join(', ');
const NO_CAMPAIGN = '00000000-0000-0000-0000-000000000000';

/**
 * The lead schema. Every list filter has an index whose column order and
 * directions match the query's sort (Postgres will not use a mismatched one and
 * falls back to a parallel scan). Indexes are partial on live rows, which is all
 * the lists ever read. Sortable timestamps keep millisecond precision, the
 * precision of the ISO strings in keyset cursors, so a cursor never falls between rows.
 */
export class CreateLeadSchema1763769600000 implements MigrationInterface {
  name = 'CreateLeadSchema1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create extension if not exists pg_trgm`);
    await q.query(`
      create table lead.leads (
        id uuid primary key,
        tenant_id uuid not null,
        contact_person text not null,
        phone_raw text not null,
        phone_e164 text not null,
        email text check (email = lower(email)),
        property_name text,
        property_type text,
        location text,
        price_range text,
        price_min_inr bigint,
        price_max_inr bigint,
        status text not null check (status in (${statuses})),
        priority text not null check (priority in ('high', 'medium', 'low')),
        lead_source text not null,
        time_zone text not null,
        score smallint not null default 0 check (score between 0 and 100),
        score_factors jsonb not null default '[]',
        budget_min_inr bigint,
        budget_max_inr bigint,
        purchase_timeline text,
        financing_status text,
        decision_maker_role text,
        property_preferences jsonb,
        campaign_id uuid,
        persona_id uuid,
        follow_up_count integer not null default 0,
        callback_at timestamptz,
        last_contacted_at timestamptz,
        last_activity_at timestamptz(3) not null default now(),
        silent_notified_at timestamptz,
        notes text,
        import_id uuid,
        created_by text,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        version integer not null default 1,
        deleted_at timestamptz,
        search_text text generated always as (
          lower(contact_person || ' ' || coalesce(email, '') || ' ' || phone_e164 || ' ' || coalesce(property_name, '') || ' ' || coalesce(location, ''))
        ) stored
      )`);
    const live = 'where deleted_at is null';
    await q.query(`create unique index leads_tenant_phone_live on lead.leads (tenant_id, phone_e164) ${live}`);
    await q.query(`create index leads_tenant_email on lead.leads (tenant_id, email) ${live} and email is not null`);
    await q.query(`create index leads_tenant_created on lead.leads (tenant_id, created_at desc, id desc) ${live}`);
    await q.query(`create index leads_tenant_status_created on lead.leads (tenant_id, status, created_at desc, id desc) ${live}`);
    await q.query(`create index leads_tenant_priority_created on lead.leads (tenant_id, priority, created_at desc, id desc) ${live}`);
    await q.query(`create index leads_tenant_campaign_created on lead.leads (tenant_id, campaign_id, created_at desc, id desc) ${live}`);
    await q.query(`create index leads_tenant_score on lead.leads (tenant_id, score desc, id desc) ${live}`);
    await q.query(`create index leads_tenant_last_activity on lead.leads (tenant_id, last_activity_at, id) ${live}`);
    await q.query(`create index leads_tenant_import on lead.leads (tenant_id, import_id) where import_id is not null`);
    await q.query(`create index leads_search_trgm on lead.leads using gin (search_text gin_trgm_ops) ${live}`);

    // Counts per (status, priority, campaign) kept by statement triggers, so totals and
    // dashboard tiles never scan a million rows.
    await q.query(`
      create table lead.lead_counts (
        tenant_id uuid not null,
        status text not null,
        priority text not null,
        campaign_key uuid not null,
        n bigint not null,
        primary key (tenant_id, status, priority, campaign_key)
      )`);
    await q.query(`
      create function lead.lead_counts_apply() returns trigger language plpgsql as $$
      begin
        insert into lead.lead_counts as c (tenant_id, status, priority, campaign_key, n)
        select tenant_id, status, priority, campaign_key, sum(d) from (
          select tenant_id, status, priority, coalesce(campaign_id, '${NO_CAMPAIGN}') as campaign_key, -1 as d
            from old_rows where deleted_at is null
          union all
          select tenant_id, status, priority, coalesce(campaign_id, '${NO_CAMPAIGN}'), 1
            from new_rows where deleted_at is null
        ) delta
        group by 1, 2, 3, 4 having sum(d) <> 0 order by 1, 2, 3, 4
        on conflict (tenant_id, status, priority, campaign_key) do update set n = c.n + excluded.n;
        return null;
      end $$`);
    // Postgres allows transition tables only on single-event triggers, and a function
    // may only name the transition tables its trigger declares: hence one per event.
    await q.query(`
      create function lead.lead_counts_on_insert() returns trigger language plpgsql as $$
      begin
        insert into lead.lead_counts as c (tenant_id, status, priority, campaign_key, n)
        select tenant_id, status, priority, coalesce(campaign_id, '${NO_CAMPAIGN}'), count(*) from new_rows
         where deleted_at is null group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (tenant_id, status, priority, campaign_key) do update set n = c.n + excluded.n;
        return null;
      end $$`);
    await q.query(`
      create function lead.lead_counts_on_delete() returns trigger language plpgsql as $$
      begin
        insert into lead.lead_counts as c (tenant_id, status, priority, campaign_key, n)
        select tenant_id, status, priority, coalesce(campaign_id, '${NO_CAMPAIGN}'), -count(*) from old_rows
         where deleted_at is null group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (tenant_id, status, priority, campaign_key) do update set n = c.n + excluded.n;
        return null;
      end $$`);
    await q.query(`create trigger lead_counts_insert after insert on lead.leads referencing new table as new_rows
                   for each statement execute function lead.lead_counts_on_insert()`);
    await q.query(`create trigger lead_counts_update after update on lead.leads referencing old table as old_rows new table as new_rows
                   for each statement execute function lead.lead_counts_apply()`);
    await q.query(`create trigger lead_counts_delete after delete on lead.leads referencing old table as old_rows
                   for each statement execute function lead.lead_counts_on_delete()`);

    await q.query(`
      create table lead.notes (
        id uuid primary key,
        tenant_id uuid not null,
        lead_id uuid not null references lead.leads (id),
        body text not null,
        author_id text not null,
        author_name text,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index notes_lead on lead.notes (tenant_id, lead_id, created_at desc)`);

    await q.query(`
      create table lead.activities (
        id uuid primary key,
        tenant_id uuid not null,
        lead_id uuid not null references lead.leads (id),
        kind text not null,
        summary text not null,
        actor_type text not null,
        actor_id text not null,
        actor_name text,
        details jsonb not null default '{}',
        occurred_at timestamptz not null default now()
      )`);
    await q.query(`create index activities_lead on lead.activities (tenant_id, lead_id, occurred_at desc, id desc)`);

    await q.query(`
      create table lead.imports (
        id uuid primary key,
        tenant_id uuid not null,
        file_name text not null,
        object_name text not null,
        status text not null check (status in ('queued', 'running', 'completed', 'failed')),
        region text not null,
        explicit_mapping jsonb not null default '{}',
        mapping jsonb not null default '{}',
        total_bytes bigint not null default 0,
        bytes_read bigint not null default 0,
        checkpoint_row integer not null default 0,
        rows_read integer not null default 0,
        created integer not null default 0,
        merged integer not null default 0,
        unchanged integer not null default 0,
        rejected integer not null default 0,
        warnings integer not null default 0,
        error text,
        created_by text not null,
        correlation_id text not null,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`create index imports_tenant_created on lead.imports (tenant_id, created_at desc)`);
    await q.query(`
      create table lead.import_issues (
        import_id uuid not null references lead.imports (id) on delete cascade,
        tenant_id uuid not null,
        row_number integer not null,
        column_name text,
        severity text not null,
        message text not null
      )`);
    await q.query(`create index import_issues_import on lead.import_issues (import_id, row_number)`);

    await q.query(`
      create table lead.dnc (
        tenant_id uuid not null,
        phone_e164 text not null,
        reason text,
        added_by text not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, phone_e164)
      )`);

    for (const sql of outboxInboxSql('lead').up) await q.query(sql);
    for (const table of ['leads', 'lead_counts', 'notes', 'activities', 'imports', 'import_issues', 'dnc']) {
      for (const sql of tenantPolicySql(`lead.${table}`)) await q.query(sql);
    }
    for (const sql of appRoleGrantsSql('lead')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxSql('lead').down) await q.query(sql);
    for (const table of ['dnc', 'import_issues', 'imports', 'activities', 'notes', 'lead_counts']) await q.query(`drop table lead.${table}`);
    await q.query(`drop table lead.leads`);
    for (const fn of ['lead_counts_apply', 'lead_counts_on_insert', 'lead_counts_on_delete']) await q.query(`drop function lead.${fn}()`);
  }
}
