import { createTestInfra, type TestInfra } from '@soraaya/service-kit/testing';
import { connect } from 'nats';
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { buildService } from '../../../../scripts/build-services';
import { LEAD_MIGRATIONS } from '../../src/db/migrations';

const REPO = join(__dirname, '..', '..', '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/lead/main.js migrate` as the chart's Job runs it, with only the environment given. */
function runMigrate(bundle: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, 'migrate'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const logLines = (out: string): Record<string, unknown>[] =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

async function sql<T>(url: string, text: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

describe('the migrate command of a built service (node dist/lead/main.js migrate)', () => {
  let infra: TestInfra;
  let outDir: string;
  let bundle: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    infra = await createTestInfra('migratecmd');
    outDir = join(REPO, 'dist', `.test-${infra.id}`);
    bundle = await buildService('lead', outDir);
    // RUN_MIGRATIONS=false as on the chart's pods: the command migrates regardless.
    env = { ...infra.env, LOG_LEVEL: 'info', RUN_MIGRATIONS: 'false', HTTP_PORT: '0' };
  });

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
    await infra?.destroy();
  });

  it('applies every migration to a fresh database with Postgres alone, logs them and exits 0', async () => {
    const run = await runMigrate(bundle, env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const applied = logLines(run.stdout).find((l) => l.msg === 'migrations applied');
    expect(applied).toMatchObject({ service: 'lead', schema: 'lead', applied: LEAD_MIGRATIONS.map((m) => m.name) });

    const tables = await sql<{ table_name: string }>(
      infra.databaseUrl,
      `select table_name from information_schema.tables where table_schema = 'lead'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['migrations', 'leads', 'notes', 'activities', 'imports', 'dnc', 'lead_flows', 'outbox', 'inbox']),
    );
    const recorded = await sql<{ name: string }>(infra.databaseUrl, 'select name from lead.migrations order by id');
    expect(recorded.map((r) => r.name)).toEqual(LEAD_MIGRATIONS.map((m) => m.name));

    // No stream (so no consumer, no object store) under this suite's NATS prefix: the command never touched NATS.
    const nc = await connect({ servers: infra.natsUrl });
    try {
      const names: string[] = [];
      for await (const name of (await nc.jetstreamManager()).streams.names()) names.push(name);
      expect(names.filter((n) => n.includes(infra.natsPrefix))).toEqual([]);
    } finally {
      await nc.close();
    }
  });

  it('is idempotent: a second run applies nothing and exits 0', async () => {
    const run = await runMigrate(bundle, env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(logLines(run.stdout)).toContainEqual(expect.objectContaining({ msg: 'no pending migrations', schema: 'lead' }));
    const recorded = await sql<{ n: number }>(infra.databaseUrl, 'select count(*)::int as n from lead.migrations');
    expect(recorded[0]!.n).toBe(LEAD_MIGRATIONS.length);
  });

  it('exits non-zero naming DATABASE_URL when Postgres cannot be reached there, without printing the password', async () => {
    const run = await runMigrate(bundle, { ...env, DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/nowhere' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^lead migrate: cannot connect to Postgres at DATABASE_URL \(postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nowhere\): .*ECONNREFUSED/,
    );
    expect(run.stderr + run.stdout).not.toContain('hunter2');
  });

  it('exits 78 naming DATABASE_URL when it is not a URL (bad configuration)', async () => {
    const run = await runMigrate(bundle, { ...env, DATABASE_URL: 'not-a-url' });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('DATABASE_URL: must be a postgres:// URL');
  });

  it('exits 1 naming the schema when a migration fails', async () => {
    const broken = await createTestInfra('migratebroken');
    try {
      // A table in the way of the first migration's `create table lead.leads`.
      await sql(broken.databaseUrl, 'create schema lead; create table lead.leads (id int)');
      const run = await runMigrate(bundle, { ...env, DATABASE_URL: broken.databaseUrl });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^lead migrate: migrations of schema lead failed .*: relation "leads" already exists/);
    } finally {
      await broken.destroy();
    }
  });
});
