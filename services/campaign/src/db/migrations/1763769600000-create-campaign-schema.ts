import { CAMPAIGN_LEAD_STATUSES, CAMPAIGN_STATUSES } from '@soraaya/contracts';
import { appRoleGrantsSql, outboxInboxSql, tenantPolicySql } from '@soraaya/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const NO_PERSONA = '00000000-0000-0000-0000-000000000000';

export class CreateCampaignSchema1763769600000 implements MigrationInterface {
  name = 'CreateCampaignSchema1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table campaign.personas (
        id uuid primary key,
        tenant_id uuid not null,
        name text not null,
        region text not null,
        accent text not null,
        communication_style text not null,
        voice_provider text not null,
        voice_id text not null,
        personality_traits jsonb not null default '[]',
        market_knowledge text,
        first_message text not null,
        script_template text not null,
        escalation_triggers jsonb not null default '[]',
        active boolean not null default true,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        version integer not null default 1
      )`);
    await q.query(`create unique index personas_tenant_name on campaign.personas (tenant_id, lower(name))`);
    await q.query(`
      create table campaign.properties (
        id uuid primary key,
        tenant_id uuid not null,
        name text not null,
        type text not null,
        location text not null,
        price_min_inr bigint not null,
        price_max_inr bigint not null check (price_min_inr <= price_max_inr),
        amenities jsonb not null default '[]',
        specifications jsonb not null default '{}',
        availability text not null check (availability in ('available', 'reserved', 'sold')),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        version integer not null default 1
      )`);
    await q.query(`create unique index properties_tenant_name on campaign.properties (tenant_id, lower(name))`);
    await q.query(`
      create table campaign.campaigns (
        id uuid primary key,
        tenant_id uuid not null,
        name text not null,
        description text,
        start_date date,
        end_date date,
        type text not null,
        priority text not null,
        status text not null check (status in (${list(CAMPAIGN_STATUSES)})),
        qualification_criteria jsonb not null default '{}',
        calling_policy jsonb not null,
        persona_variants jsonb not null default '[]',
        property_ids jsonb not null default '[]',
        created_by text not null,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        version integer not null default 1
      )`);
    await q.query(`create unique index campaigns_tenant_name on campaign.campaigns (tenant_id, lower(name))`);
    await q.query(`create index campaigns_tenant_status on campaign.campaigns (tenant_id, status, created_at desc)`);
    await q.query(`
      create table campaign.campaign_leads (
        tenant_id uuid not null,
        campaign_id uuid not null references campaign.campaigns (id),
        lead_id uuid not null,
        status text not null check (status in (${list(CAMPAIGN_LEAD_STATUSES)})),
        priority text not null,
        attempts integer not null default 0,
        persona_id uuid,
        assigned_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        primary key (campaign_id, lead_id)
      )`);
    await q.query(`create index campaign_leads_lead on campaign.campaign_leads (tenant_id, lead_id)`);
    await q.query(`create index campaign_leads_status on campaign.campaign_leads (campaign_id, status, lead_id)`);
    // The performance read model: counters per campaign and persona variant, fed by call and
    // intelligence events exactly once each (inbox). Leads assigned come from campaign_leads.
    await q.query(`
      create table campaign.campaign_stats (
        tenant_id uuid not null,
        campaign_id uuid not null,
        persona_key uuid not null,
        dialed integer not null default 0,
        connected integer not null default 0,
        qualified integer not null default 0,
        not_interested integer not null default 0,
        follow_up integer not null default 0,
        callbacks integer not null default 0,
        human_needed integer not null default 0,
        total_duration_seconds numeric not null default 0,
        cost_usd numeric not null default 0,
        updated_at timestamptz(3) not null default now(),
        primary key (campaign_id, persona_key)
      )`);
    await q.query(`comment on column campaign.campaign_stats.persona_key is 'persona id, or ${NO_PERSONA} for calls made without one'`);
    for (const sql of outboxInboxSql('campaign').up) await q.query(sql);
    for (const t of ['personas', 'properties', 'campaigns', 'campaign_leads', 'campaign_stats']) for (const sql of tenantPolicySql(`campaign.${t}`)) await q.query(sql);
    for (const sql of appRoleGrantsSql('campaign')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxSql('campaign').down) await q.query(sql);
    for (const t of ['campaign_stats', 'campaign_leads', 'campaigns', 'properties', 'personas']) await q.query(`drop table campaign.${t}`);
  }
}
