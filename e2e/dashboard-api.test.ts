import { uuid7 } from '@soraaya/service-kit';
import { until } from './support/dialer-fixtures';
import { insertStoredCall, rebuildRollups, type StoredCall } from './support/intel-fixtures';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

const DAY = 86_400_000;
const midnight = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
/** An instant `days` UTC days before today's midnight, plus `hours`. */
const at = (days: number, hours = 0) => new Date(midnight - days * DAY + hours * 3_600_000).toISOString();

/**
 * The dashboard endpoints in front of every real service (lead, campaign,
 * dialer, intelligence, notification) on real Postgres, NATS and Redis. Leads
 * and calls are seeded with known dates, so every figure has one right answer.
 */
describe('dashboard API', () => {
  let p: TestPlatform;
  let manager: TestUser;
  let agent: TestUser;
  let managerB: TestUser;
  let campaignId: string;
  const ids: Record<string, string> = {};
  const ds = () => p.gateway.runtime.ds;
  const get = (url: string, user = manager) => p.request({ method: 'GET', url, user });

  async function insertLead(tenantId: string, key: string, createdAt: string, source: string, status: string, campaign: string | null = null): Promise<string> {
    const id = uuid7();
    const n = Object.keys(ids).length + 1;
    await ds().query(
      `insert into lead.leads (id, tenant_id, contact_person, phone_raw, phone_e164, status, priority, lead_source, time_zone, campaign_id, created_at)
       values ($1, $2, $3, $4, $4, $5, 'medium', $6, 'Asia/Kolkata', $7, $8)`,
      [id, tenantId, `Dash ${key}`, `+9198${String(n).padStart(8, '0')}`, status, source, campaign, createdAt],
    );
    ids[key] = id;
    return id;
  }

  /** A stored call of a seeded lead; its hour on the lead's clock: 10 for today's (just after midnight UTC), 15 for the others. */
  const insertCall = (tenantId: string, leadKey: string, startedAt: string, outcome: StoredCall['outcome'], seconds: number, costUsd: number, classification: StoredCall['classification'], campaign: string | null = null) =>
    insertStoredCall(p, { tenantId, leadId: ids[leadKey]!, campaignId: campaign, startedAt, outcome, seconds, costUsd, classification, localHour: new Date(startedAt).getUTCHours() === 0 ? 10 : 15 });

  beforeAll(async () => {
    p = await startPlatform('dashboard', { DASHBOARD_SERVICE_TIMEOUT_MS: '500', VAPI_WEBHOOK_SECRET: 'dashboard-test-secret-0123' }, { campaign: true, intelligence: true, notification: { timers: false }, listen: true });
    await p.startDialer();
    manager = await p.user('a', 'manager');
    agent = await p.user('a', 'agent');
    managerB = await p.user('b', 'manager');
    campaignId = (await p.request({ method: 'POST', url: '/api/v1/campaigns', user: manager, body: { name: 'Worli towers' } })).json().id;

    const a = p.tenants.a;
    // Tenant a: 3 leads today (2 in the campaign), 2 yesterday, 4 ten days ago (follow_up), 1 twenty days ago.
    await insertLead(a, 'Asha', at(0, 0.01), 'website', 'to_call', campaignId);
    await insertLead(a, 'Bilal', at(0, 0.01), 'website', 'to_call', campaignId);
    await insertLead(a, 'Chitra', at(0, 0.01), 'referral', 'to_call');
    await insertLead(a, 'Dev', at(1, 9), 'website', 'to_call');
    await insertLead(a, 'Esha', at(1, 9), 'website', 'to_call');
    for (const k of ['Old 1', 'Old 2', 'Old 3', 'Old 4']) await insertLead(a, k, at(10, 9), 'csv_import', 'follow_up');
    await insertLead(a, 'Ancient', at(20, 9), 'csv_import', 'to_call');
    // Calls: today 3 (2 answered, 1 qualified), yesterday 2 (1 answered and qualified), ten days ago 2 (1 answered).
    await insertCall(a, 'Asha', at(0, 0.02), 'answered', 120, 0.3, 'qualified', campaignId);
    await insertCall(a, 'Bilal', at(0, 0.03), 'answered', 60, 0.2, 'not_interested', campaignId);
    await insertCall(a, 'Chitra', at(0, 0.04), 'no_answer', 0, 0.05, null);
    await insertCall(a, 'Asha', at(1, 10), 'no_answer', 0, 0.05, null);
    await insertCall(a, 'Dev', at(1, 10.5), 'answered', 180, 0.4, 'qualified');
    await insertCall(a, 'Old 1', at(10, 11), 'answered', 90, 0.25, 'not_interested');
    await insertCall(a, 'Old 1', at(10, 11.3), 'busy', 0, 0, null);
    // Tenant b: its own leads and calls, which tenant a must never count.
    for (const k of ['B1', 'B2', 'B3']) await insertLead(p.tenants.b, k, at(0, 0.01), 'website', 'to_call');
    for (const k of ['B1', 'B2']) await insertCall(p.tenants.b, k, at(0, 0.02), 'answered', 300, 1, 'qualified');
    for (const t of [p.tenants.a, p.tenants.b]) await rebuildRollups(p, t);

    // Today's moves, made by a person through the API: two qualified, one to a human.
    const move = (key: string, status: string) => p.request({ method: 'PUT', url: `/api/v1/leads/${ids[key]}/status`, user: manager, body: { status, reason: 'Spoke to them on WhatsApp' } });
    for (const [key, status] of [
      ['Old 1', 'qualified'],
      ['Old 2', 'qualified'],
      ['Old 3', 'human_input_needed'],
    ]) {
      const moved = await move(key!, status!);
      expect(moved.statusCode === 200 ? 200 : moved.body).toBe(200);
    }
    // Two open notifications as the notification service raises them: one for the team, one assigned to the agent.
    for (const [key, type, priority, assignee] of [
      ['Old 1', 'qualified_lead_ready', 'high', null],
      ['Old 3', 'human_intervention', 'medium', agent.id],
    ] as const) {
      await ds().query(
        `insert into notification.notifications (id, tenant_id, type, priority, title, message, lead_id, assigned_user_id, rule, dedup_key)
         values ($1, $2, $3, $4, $5, 'Seeded for the dashboard test', $6, $7, 'test', $8)`,
        [uuid7(), a, type, priority, `Dash ${key}: ${type}`, ids[key], assignee, `test:${key}`],
      );
    }
  }, 120_000);
  afterAll(async () => {
    await p?.stop();
  });

  it('computes every KPI from the seeded leads and calls, with previous values and deltas', async () => {
    const res = await get('/api/v1/dashboard/metrics?date_range=7d');
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.partial).toEqual([]);
    expect(m.period).toEqual({ from: at(6).slice(0, 10), to: at(0).slice(0, 10) });
    expect(m.previousPeriod).toEqual({ from: at(13).slice(0, 10), to: at(7).slice(0, 10) });
    const k = m.kpis;
    expect(k.totalLeads).toMatchObject({ value: 10, previous: 5, delta: 5, deltaRatio: 1, compare: 'period_start' });
    expect(k.qualifiedLeads).toMatchObject({ value: 2, previous: 0, delta: 2, share: 0.2, previousShare: 0 });
    expect(k.activeCalls).toMatchObject({ value: 0, previous: null, compare: 'none', capacity: expect.any(Number) });
    expect(k.conversionRate).toMatchObject({ value: 0.666667, previous: 0, delta: 0.666667 });
    expect(k.leadsAddedToday).toMatchObject({ value: 3, previous: 2, delta: 1, compare: 'yesterday', bySource: [{ label: 'website', count: 2 }, { label: 'referral', count: 1 }] });
    expect(k.callsCompletedToday).toMatchObject({ value: 3, previous: 2, successRate: 0.666667, previousSuccessRate: 0.5 });
    expect(k.averageCallDuration).toMatchObject({ value: 120, previous: 90, delta: 30, unit: 'seconds' });
    expect(k.humanInterventionRequired).toMatchObject({ value: 1, previous: 0, openNotifications: 2 });
    expect(k.callSuccessRate).toMatchObject({ value: 0.6, previous: 0.5 });
    expect(k.leadResponseRate).toMatchObject({ value: 0.75, previous: 1, delta: -0.25 });
    expect(k.qualifiedPerHour).toMatchObject({ value: 1, previous: 0 });
    expect(k.costPerQualifiedLead).toMatchObject({ value: 0.5, previous: null, unit: 'usd', higherIsBetter: false });
    expect(m.callsByHour).toHaveLength(24);
    expect(m.callsByHour.filter((h: { calls: number }) => h.calls)).toEqual([
      { hour: 10, calls: 3, answered: 2 },
      { hour: 15, calls: 2, answered: 1 },
    ]);
    expect(m.sources).toEqual([
      { source: 'website', created: 4, qualified: 0, qualifiedRate: 0 },
      { source: 'referral', created: 1, qualified: 0, qualifiedRate: 0 },
      { source: 'csv_import', created: 0, qualified: 2, qualifiedRate: null },
    ]);
    expect(m.campaigns).toEqual([expect.objectContaining({ campaignId, name: 'Worli towers', status: 'draft' })]);

    // The previous period of 30 days holds nothing; the ten-day-old calls are now inside the period.
    const month = (await get('/api/v1/dashboard/metrics?date_range=30d')).json();
    expect(month.kpis.callSuccessRate).toMatchObject({ value: 0.571429, previous: null }); // 4 of 7
    expect(month.kpis.totalLeads).toMatchObject({ value: 10, previous: 0 });
  });

  it('narrows every figure to one campaign', async () => {
    const m = (await get(`/api/v1/dashboard/metrics?campaign_id=${campaignId}`)).json();
    expect(m.campaignId).toBe(campaignId);
    expect(m.kpis.totalLeads).toMatchObject({ value: 2, previous: 0 });
    expect(m.kpis.callSuccessRate).toMatchObject({ value: 1 });
    expect(m.kpis.conversionRate).toMatchObject({ value: 0.5 });
    expect(m.kpis.activeCalls).toMatchObject({ value: 0, capacity: null }); // a draft campaign is not dialing
    const d = (await get(`/api/v1/dashboard/status-distribution?campaign_id=${campaignId}`)).json();
    expect(d.total).toBe(2);
  });

  it('gives the daily trend, the status distribution and the activity list', async () => {
    const t = (await get('/api/v1/dashboard/trends?days=30')).json();
    expect(t.partial).toEqual([]);
    expect(t.points).toHaveLength(30);
    const day = (n: number) => t.points.find((x: { day: string }) => x.day === at(n).slice(0, 10));
    expect(day(0)).toEqual({ day: at(0).slice(0, 10), calls: 3, answered: 2, qualified: 1, conversionRate: 0.5, newLeads: 3 });
    expect(day(1)).toMatchObject({ calls: 2, answered: 1, qualified: 1, conversionRate: 1, newLeads: 2 });
    expect(day(10)).toMatchObject({ calls: 2, answered: 1, qualified: 0, conversionRate: 0, newLeads: 4 });
    expect(day(5)).toMatchObject({ calls: 0, conversionRate: null, newLeads: 0 });

    const d = (await get('/api/v1/dashboard/status-distribution')).json();
    expect(d.total).toBe(10);
    expect(d.items).toHaveLength(11);
    expect(Object.fromEntries(d.items.filter((i: { count: number }) => i.count).map((i: { status: string; count: number }) => [i.status, i.count]))).toEqual({ to_call: 6, follow_up: 1, qualified: 2, human_input_needed: 1 });

    const act = (await get('/api/v1/dashboard/activity?limit=20')).json();
    expect(act.partial).toEqual([]);
    const titles = act.items.map((i: { title: string }) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['Dash Old 1 is now qualified', 'Dash Old 3 is now human input needed', 'Call with Dash Asha ended: answered', 'Call with Dash Chitra ended: no answer']));
    expect(act.items.some((i: { kind: string }) => i.kind === 'notification')).toBe(true);
    const times = act.items.map((i: { at: string }) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(titles.join(' ')).not.toMatch(/Dash B\d/);
  });

  it('keeps tenants apart: each sees only its own leads and calls', async () => {
    const b = (await get('/api/v1/dashboard/metrics', managerB)).json();
    expect(b.kpis.totalLeads.value).toBe(3);
    expect(b.kpis.callsCompletedToday).toMatchObject({ value: 2, successRate: 1 });
    expect(b.campaigns).toEqual([]);
    const activity = (await get('/api/v1/dashboard/activity', managerB)).json();
    expect(activity.items.map((i: { title: string }) => i.title).join(' ')).not.toMatch(/Asha|Old/);
  });

  it('lets agents read the dashboard, their activity limited to their own leads', async () => {
    const m = await get('/api/v1/dashboard/metrics', agent);
    expect(m.statusCode).toBe(200);
    expect(m.json().kpis.humanInterventionRequired.openNotifications).toBe(1);
    const act = (await get('/api/v1/dashboard/activity', agent)).json();
    expect(act.items.map((i: { title: string }) => i.title)).toEqual(['Dash Old 3: human_intervention']);
    expect((await p.request({ method: 'GET', url: '/api/v1/dashboard/metrics' })).statusCode).toBe(401);
  });

  it.each([
    ['/api/v1/dashboard/metrics?date_range=1y', 'query.date_range'],
    ['/api/v1/dashboard/metrics?campaign_id=abc', 'query.campaign_id'],
    ['/api/v1/dashboard/metrics?campaignid=x', 'query'],
    ['/api/v1/dashboard/trends?days=0', 'query.days'],
    ['/api/v1/dashboard/trends?days=ten', 'query.days'],
    ['/api/v1/dashboard/status-distribution?campaign_id=1', 'query.campaign_id'],
    ['/api/v1/dashboard/activity?limit=500', 'query.limit'],
  ])('GET %s answers 400 naming %s', async (url, path) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
    expect(JSON.stringify(res.json().error)).toContain(path);
  });

  it('serves a cached answer until the tenant has news', async () => {
    const before = (await get('/api/v1/dashboard/status-distribution')).json();
    // Behind the platform's back (no event): the cached answer stands.
    await ds().query(`update lead.leads set status = 'not_interested' where id = $1`, [ids['Old 4']]);
    expect((await get('/api/v1/dashboard/status-distribution')).json()).toEqual(before);
    // A real change raises an event; the gateway's live feed marks the tenant's figures stale.
    expect((await p.request({ method: 'PUT', url: `/api/v1/leads/${ids['Ancient']}/status`, user: manager, body: { status: 'human_follow_up', reason: 'Asked for the broker' } })).statusCode).toBe(200);
    const after = await until(async () => {
      const d = (await get('/api/v1/dashboard/status-distribution')).json();
      return d.items.find((i: { status: string }) => i.status === 'human_follow_up').count === 1 ? d : null;
    }, 10_000);
    expect(after.items.find((i: { status: string }) => i.status === 'not_interested').count).toBe(1);
  });

  it('documents the four endpoints in the OpenAPI document', async () => {
    const doc = (await p.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/dashboard/metrics', '/api/v1/dashboard/trends', '/api/v1/dashboard/status-distribution', '/api/v1/dashboard/activity']));
    expect(doc.paths['/api/v1/dashboard/metrics'].get.parameters.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['date_range', 'campaign_id']));
  });

  it('answers in time with the other figures when a service is slow, naming it in partial', async () => {
    // Hold a lock the intelligence service's stats query needs, for longer than its 500 ms share.
    const runner = ds().createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`lock table intel.transcripts in access exclusive mode`);
      const started = Date.now();
      const res = await get('/api/v1/dashboard/metrics?date_range=90d');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.statusCode).toBe(200);
      const m = res.json();
      expect(m.partial).toEqual(['intelligence']);
      expect(m.kpis.totalLeads.value).toBe(10);
      expect(m.kpis.callSuccessRate).toMatchObject({ value: null, previous: null });
      expect(m.callsByHour).toEqual([]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('answers with the other figures when a service is down, naming it in partial', async () => {
    await p.dialer!.stop();
    p.dialer = null;
    const res = await get('/api/v1/dashboard/metrics?date_range=90d&campaign_id=' + campaignId);
    expect(res.statusCode).toBe(200);
    expect(res.json().partial).toEqual(['dialer']);
    expect(res.json().kpis.activeCalls).toMatchObject({ value: null, capacity: null });
    expect(res.json().kpis.totalLeads.value).toBe(2);
  });
});
