import { appRoleGrantsSql, outboxInboxSql, tenantPolicySql } from '@soraaya/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dialer's own state: campaigns as last announced, the dial queue (one row
 * per campaign lead with its next attempt time), calls (one per attempt: the
 * unique key makes a second dial of the same attempt impossible), the DNC
 * replica, skipped dials and raw provider events.
 */
export class CreateDialerSchema1763769600000 implements MigrationInterface {
  name = 'CreateDialerSchema1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table dialer.campaigns (
        id uuid primary key,
        tenant_id uuid not null,
        name text not null,
        status text not null,
        policy jsonb not null,
        personas jsonb not null default '[]',
        variants jsonb not null default '[]',
        properties jsonb not null default '[]',
        campaign_version integer not null default 0,
        status_at timestamptz not null,
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create index campaigns_active on dialer.campaigns (status, tenant_id)`);
    await q.query(`
      create table dialer.queue (
        tenant_id uuid not null,
        campaign_id uuid not null,
        lead_id uuid not null,
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        state text not null default 'waiting' check (state in ('waiting', 'checking', 'dialing', 'done')),
        outcome text,
        claimed_at timestamptz,
        updated_at timestamptz not null default now(),
        primary key (campaign_id, lead_id)
      )`);
    await q.query(`create index queue_due on dialer.queue (campaign_id, next_attempt_at) where state = 'waiting'`);
    await q.query(`create index queue_lead on dialer.queue (tenant_id, lead_id)`);
    await q.query(`
      create table dialer.calls (
        id uuid primary key,
        tenant_id uuid not null,
        campaign_id uuid,
        lead_id uuid not null,
        attempt integer not null,
        persona_id uuid,
        provider text not null,
        provider_call_id text,
        state text not null,
        outcome text,
        answered boolean not null default false,
        ended_reason text,
        duration_seconds numeric,
        cost_usd numeric,
        recording_url text,
        transcript text,
        summary text,
        created_at timestamptz(3) not null default now(),
        started_at timestamptz(3),
        ended_at timestamptz(3),
        last_event_at timestamptz(3) not null default now()
      )`);
    await q.query(`create unique index calls_one_per_attempt on dialer.calls (campaign_id, lead_id, attempt)`);
    await q.query(`create unique index calls_provider_id on dialer.calls (provider, provider_call_id) where provider_call_id is not null`);
    await q.query(`create index calls_open on dialer.calls (last_event_at) where state <> 'ended'`);
    await q.query(`create index calls_tenant_created on dialer.calls (tenant_id, created_at desc)`);
    await q.query(`create index calls_lead on dialer.calls (tenant_id, lead_id, created_at desc)`);
    await q.query(`create table dialer.dnc (tenant_id uuid not null, phone_e164 text not null, primary key (tenant_id, phone_e164))`);
    await q.query(`
      create table dialer.skips (
        id bigserial primary key,
        tenant_id uuid not null,
        campaign_id uuid not null,
        lead_id uuid not null,
        reason text not null,
        detail text not null,
        rescheduled_to timestamptz,
        at timestamptz not null default now()
      )`);
    await q.query(`create index skips_campaign on dialer.skips (campaign_id, at desc)`);
    await q.query(`
      create table dialer.provider_events (
        id text primary key,
        call_id uuid,
        provider text not null,
        type text not null,
        received_at timestamptz not null,
        payload jsonb not null
      )`);
    await q.query(`create index provider_events_call on dialer.provider_events (call_id, received_at)`);
    for (const sql of outboxInboxSql('dialer').up) await q.query(sql);
    for (const t of ['campaigns', 'queue', 'calls', 'dnc', 'skips']) for (const sql of tenantPolicySql(`dialer.${t}`)) await q.query(sql);
    for (const sql of appRoleGrantsSql('dialer')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxSql('dialer').down) await q.query(sql);
    for (const t of ['provider_events', 'skips', 'dnc', 'calls', 'queue', 'campaigns']) await q.query(`drop table dialer.${t}`);
  }
}
