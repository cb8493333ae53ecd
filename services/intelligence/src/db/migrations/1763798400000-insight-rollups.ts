import { appRoleGrantsSql, tenantPolicySql } from '@soraaya/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['rollup_hours', 'rollup_outcomes', 'rollup_facets'] as const;

/**
 * The insight aggregates: per UTC day and campaign, counts the Insights page
 * sums instead of scanning every call (100,000 calls answer from a few thousand
 * rows). Kept in the same transaction that stores each call. No backfill: the
 * service and these tables ship together, so no call was stored before them.
 */
export class InsightRollups1763798400000 implements MigrationInterface {
  name = 'InsightRollups1763798400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table intel.rollup_hours (
        tenant_id uuid not null, day date not null, campaign_key uuid not null, local_dow smallint not null, local_hour smallint not null,
        calls integer not null default 0, answered integer not null default 0,
        primary key (tenant_id, day, campaign_key, local_dow, local_hour))`);
    await q.query(`
      create table intel.rollup_outcomes (
        tenant_id uuid not null, day date not null, campaign_key uuid not null, persona_key uuid not null, outcome text not null, sentiment text not null,
        calls integer not null default 0, analysed integer not null default 0, qualified integer not null default 0,
        duration_sum numeric(14, 2) not null default 0, score_sum bigint not null default 0,
        primary key (tenant_id, day, campaign_key, persona_key, outcome, sentiment))`);
    await q.query(`
      create table intel.rollup_facets (
        tenant_id uuid not null, day date not null, campaign_key uuid not null, qualified boolean not null, facet text not null, value text not null,
        n bigint not null default 0,
        primary key (tenant_id, day, campaign_key, qualified, facet, value))`);
    for (const t of TABLES) for (const sql of tenantPolicySql(`intel.${t}`)) await q.query(sql);
    for (const sql of appRoleGrantsSql('intel')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.query(`drop table intel.${t}`);
  }
}
