import { appRoleGrantsSql, outboxInboxSql, tenantPolicySql } from '@soraaya/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants, users, refresh tokens and the audit log. Logins look users up by
 * email before any tenant is known, so `users` is read by the owner role at
 * login; the audit log is tenant-scoped with row-level security.
 */
export class CreateGatewaySchema1763769600000 implements MigrationInterface {
  name = 'CreateGatewaySchema1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table gateway.tenants (
        id uuid primary key,
        name text not null,
        slug text not null unique,
        default_region text not null default 'IN' check (default_region ~ '^[A-Z]{2}$'),
        time_zone text not null default 'Asia/Kolkata',
        created_at timestamptz not null default now()
      )`);
    await q.query(`
      create table gateway.users (
        id uuid primary key,
        tenant_id uuid not null references gateway.tenants (id),
        email text not null check (email = lower(email)),
        password_hash text not null,
        role text not null check (role in ('admin', 'manager', 'agent')),
        full_name text not null,
        time_zone text not null default 'Asia/Kolkata',
        preferences jsonb not null default '{}',
        last_login_at timestamptz,
        disabled_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create unique index users_email on gateway.users (email)`);
    await q.query(`create index users_tenant on gateway.users (tenant_id, full_name)`);
    await q.query(`
      create table gateway.refresh_tokens (
        id uuid primary key,
        family_id uuid not null,
        user_id uuid not null references gateway.users (id),
        tenant_id uuid not null,
        token_hash text not null,
        expires_at timestamptz not null,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz not null default now(),
        user_agent text,
        ip text
      )`);
    await q.query(`create index refresh_tokens_family on gateway.refresh_tokens (family_id)`);
    await q.query(`create index refresh_tokens_user on gateway.refresh_tokens (user_id)`);
    await q.query(`
      create table gateway.audit_log (
        id uuid primary key,
        tenant_id uuid not null,
        user_id uuid,
        user_email text,
        action text not null,
        target text,
        status_code integer not null,
        ip text,
        request_id text,
        at timestamptz(3) not null default now()
      )`);
    await q.query(`create index audit_log_tenant_at on gateway.audit_log (tenant_id, at desc, id desc)`);
    for (const sql of outboxInboxSql('gateway').up) await q.query(sql);
    for (const sql of tenantPolicySql('gateway.audit_log')) await q.query(sql);
    for (const sql of appRoleGrantsSql('gateway')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxSql('gateway').down) await q.query(sql);
    for (const t of ['audit_log', 'refresh_tokens', 'users', 'tenants']) await q.query(`drop table gateway.${t}`);
  }
}
