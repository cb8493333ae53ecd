import { appRoleGrantsSql, outboxInboxSql, tenantPolicySql } from '@soraaya/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['transcripts', 'analyses', 'llm_usage'] as const;

/**
 * Transcript intelligence's own data: one transcript row per ended call (turns,
 * recording, the provider's own summary, and the call facts insights need even
 * when nobody answered), one analysis per call (the typed result plus the
 * columns insights group by), LLM usage per request, and a cache of LLM
 * answers by transcript hash (tenant-free: the same text gives the same answer).
 */
export class CreateIntelSchema1763784000000 implements MigrationInterface {
  name = 'CreateIntelSchema1763784000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table intel.transcripts (
        call_id uuid primary key,
        tenant_id uuid not null,
        lead_id uuid not null,
        campaign_id uuid,
        persona_id uuid,
        attempt integer not null,
        call_outcome text not null,
        ended_reason text,
        duration_seconds numeric(10, 2) not null default 0,
        cost_usd numeric(12, 4) not null default 0,
        recording_url text,
        turns jsonb not null default '[]',
        provider_summary text,
        text_hash text,
        lead_time_zone text not null,
        local_hour smallint not null,
        local_dow smallint not null,
        started_at timestamptz not null,
        ended_at timestamptz not null,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index transcripts_lead on intel.transcripts (tenant_id, lead_id, started_at desc)`);
    await q.query(`create index transcripts_time on intel.transcripts (tenant_id, started_at)`);
    await q.query(`
      create table intel.analyses (
        call_id uuid primary key references intel.transcripts (call_id),
        tenant_id uuid not null,
        lead_id uuid not null,
        campaign_id uuid,
        persona_id uuid,
        analyzer text not null,
        fallback_reason text,
        outcome text not null,
        score smallint not null,
        sentiment text not null,
        interest_level text not null,
        budget_min_inr bigint,
        budget_max_inr bigint,
        timeline text,
        property_type text,
        locations text[] not null default '{}',
        objections text[] not null default '{}',
        amenities text[] not null default '{}',
        human_needed text,
        callback_at timestamptz,
        result jsonb not null,
        call_started_at timestamptz not null,
        duration_seconds numeric(10, 2) not null default 0,
        analyzed_at timestamptz not null default now()
      )`);
    await q.query(`create index analyses_time on intel.analyses (tenant_id, call_started_at) include (outcome, campaign_id)`);
    await q.query(`create index analyses_campaign_time on intel.analyses (tenant_id, campaign_id, call_started_at)`);
    await q.query(`
      create table intel.llm_usage (
        id bigserial primary key,
        tenant_id uuid not null,
        call_id uuid not null,
        model text not null,
        prompt_tokens integer not null,
        completion_tokens integer not null,
        cost_usd numeric(12, 6) not null,
        cached boolean not null default false,
        error text,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index llm_usage_time on intel.llm_usage (tenant_id, created_at)`);
    await q.query(`
      create table intel.llm_cache (
        text_hash text not null,
        model text not null,
        result jsonb not null,
        created_at timestamptz not null default now(),
        primary key (text_hash, model)
      )`);
    for (const sql of outboxInboxSql('intel').up) await q.query(sql);
    for (const t of TABLES) for (const sql of tenantPolicySql(`intel.${t}`)) await q.query(sql);
    for (const sql of appRoleGrantsSql('intel')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxSql('intel').down) await q.query(sql);
    for (const t of ['llm_cache', 'llm_usage', 'analyses', 'transcripts']) await q.query(`drop table intel.${t}`);
  }
}
