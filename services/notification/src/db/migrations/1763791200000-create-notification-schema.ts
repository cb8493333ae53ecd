import { NOTIFICATION_CHANNELS, NOTIFICATION_PRIORITIES, NOTIFICATION_STATUSES, NOTIFICATION_TYPES } from '@soraaya/contracts';
import { appRoleGrantsSql, outboxInboxSql, tenantPolicySql } from '@soraaya/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const TABLES = ['notifications', 'preferences', 'deliveries', 'call_failures', 'callback_reminders'] as const;

/**
 * Notifications (one open per situation: the partial unique index on the
 * dedup key), per-user preferences, every delivery attempt with its result,
 * and the small state some rules need: failed calls in a row per lead, and
 * callbacks to remind about an hour before.
 */
export class CreateNotificationSchema1763791200000 implements MigrationInterface {
  name = 'CreateNotificationSchema1763791200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table notification.notifications (
        id uuid primary key,
        tenant_id uuid not null,
        type text not null check (type in (${list(NOTIFICATION_TYPES)})),
        priority text not null check (priority in (${list(NOTIFICATION_PRIORITIES)})),
        title text not null,
        message text not null,
        lead_id uuid,
        campaign_id uuid,
        required_action text,
        assigned_user_id uuid,
        status text not null default 'pending' check (status in (${list(NOTIFICATION_STATUSES)})),
        rule text not null,
        dedup_key text not null,
        escalated boolean not null default false,
        escalated_at timestamptz,
        resolved_at timestamptz,
        resolution_note text,
        resolved_by text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create unique index notifications_open_situation on notification.notifications (tenant_id, dedup_key) where status in ('pending', 'in_progress')`);
    await q.query(`create index notifications_list on notification.notifications (tenant_id, created_at desc, id desc)`);
    await q.query(`create index notifications_escalation on notification.notifications (created_at) where priority = 'high' and status = 'pending' and not escalated`);
    await q.query(`
      create table notification.preferences (
        user_id uuid primary key,
        tenant_id uuid not null,
        prefs jsonb not null,
        updated_at timestamptz not null default now()
      )`);
    await q.query(`
      create table notification.deliveries (
        id bigserial primary key,
        tenant_id uuid not null,
        notification_id uuid not null references notification.notifications (id) on delete cascade,
        user_id uuid not null,
        channel text not null check (channel in (${list(NOTIFICATION_CHANNELS)})),
        reason text not null check (reason in ('created', 'escalated')),
        address text,
        status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'skipped')),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        last_error text,
        provider_id text,
        sent_at timestamptz,
        created_at timestamptz not null default now(),
        unique (notification_id, user_id, channel, reason)
      )`);
    await q.query(`create index deliveries_due on notification.deliveries (next_attempt_at) where status = 'pending'`);
    await q.query(`
      create table notification.call_failures (
        tenant_id uuid not null,
        lead_id uuid primary key,
        consecutive integer not null,
        updated_at timestamptz not null default now()
      )`);
    await q.query(`
      create table notification.callback_reminders (
        tenant_id uuid not null,
        lead_id uuid not null,
        campaign_id uuid,
        callback_at timestamptz not null,
        remind_at timestamptz not null,
        done boolean not null default false,
        primary key (tenant_id, lead_id, callback_at)
      )`);
    await q.query(`create index callback_reminders_due on notification.callback_reminders (remind_at) where not done`);
    for (const sql of outboxInboxSql('notification').up) await q.query(sql);
    for (const t of TABLES) for (const sql of tenantPolicySql(`notification.${t}`)) await q.query(sql);
    for (const sql of appRoleGrantsSql('notification')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxSql('notification').down) await q.query(sql);
    for (const t of [...TABLES].reverse()) await q.query(`drop table notification.${t}`);
  }
}
