import { listLeadsV1 } from '@soraaya/contracts';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startLeadTestApp, type LeadTestApp } from '../support/lead-test-app';

describe('operational surface', () => {
  let t: LeadTestApp;
  beforeAll(async () => {
    t = await startLeadTestApp('ops', { jobs: false, consumers: false });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('/healthz answers while the process lives', async () => {
    const res = await t.app.http.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz checks Postgres, NATS and Redis', async () => {
    const res = await t.app.http.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', checks: { postgres: { ok: true }, nats: { ok: true }, redis: { ok: true } } });
  });

  it('/metrics exports default and per-endpoint metrics', async () => {
    await t.call(listLeadsV1, {});
    await t.fail(listLeadsV1, { limit: 0 });
    const res = await t.app.http.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/soraaya_process_cpu_user_seconds_total\{service="lead"\}/);
    expect(res.body).toMatch(/soraaya_handler_duration_seconds_count\{service="lead",kind="rpc",name="svc.lead.list.v1",outcome="ok"\} 1/);
    expect(res.body).toMatch(/soraaya_handler_duration_seconds_count\{service="lead",kind="rpc",name="svc.lead.list.v1",outcome="bad_request"\} 1/);
    expect(res.body).toMatch(/soraaya_outbox_pending/);
  });

  it('shows every endpoint in the NATS services API stats', async () => {
    const stats = await t.nc.services.client().stats('lead');
    const endpoints: string[] = [];
    for await (const s of stats) endpoints.push(...(s.endpoints ?? []).filter((e) => e.subject.startsWith(`${t.infra.natsPrefix}.`)).map((e) => e.name));
    expect(endpoints).toEqual(expect.arrayContaining(['list_v1', 'get_v1', 'create_v1', 'bulk_update_v1', 'import_start_v1', 'export_page_v1', 'dnc_check_v1']));
  });
});

describe('configuration', () => {
  it('stops at start naming the bad variable', () => {
    const tsx = join(__dirname, '../../../../node_modules/.bin/tsx');
    const result = spawnSync(tsx, [join(__dirname, '../../src/main.ts')], {
      env: { ...process.env, DATABASE_URL: 'not a url', SILENT_AFTER_HOURS: 'soon', DEFAULT_PHONE_REGION: 'India' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL \(got "not a url"\)/);
    expect(result.stderr).toMatch(/SILENT_AFTER_HOURS: /);
    expect(result.stderr).toMatch(/DEFAULT_PHONE_REGION: must be an ISO 3166-1 alpha-2 code such as IN \(got "India"\)/);
  });
});
