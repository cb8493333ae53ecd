import { callEndedV1, type PerformanceReport, type ReportFigures } from '@soraaya/contracts';
import { uuid7 } from '@soraaya/service-kit';
import { parse } from 'csv-parse/sync';
import { until } from './support/dialer-fixtures';
import { eventOf, publishEvent } from './support/events';
import { insertStoredCall, type StoredCall } from './support/intel-fixtures';
import { pdfText, pdfTextPieces } from './support/pdf-text';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

const persona = (name: string) => ({
  name,
  region: 'mumbai',
  voiceId: 'vapi-voice-aanya',
  firstMessage: 'Namaste {{lead.first_name}}, this is {{persona.name}} from {{company.name}}.',
  scriptTemplate: 'Ask about {{property.name}} in {{property.location}}; confirm budget and timeline.',
});

type Figures = Omit<ReportFigures, 'key' | 'label'>;
const RANGE = 'from=2026-03-01&to=2026-03-31';

/**
 * The performance report in front of the real lead, campaign and intelligence
 * services on real Postgres, NATS and Redis. Calls are stored with known
 * campaigns, personas, sources, outcomes and times (some just inside or outside
 * March on an Indian clock), so every figure has one right answer.
 */
describe('performance report API', () => {
  let p: TestPlatform;
  let manager: TestUser;
  let admin: TestUser;
  let agent: TestUser;
  let managerB: TestUser;
  const id: Record<string, string> = {};
  const get = (url: string, user = manager) => p.request({ method: 'GET', url, user });
  const json = async (url: string, user = manager): Promise<PerformanceReport> => {
    const res = await get(url, user);
    expect(res.statusCode === 200 ? 200 : res.body).toBe(200);
    return res.json();
  };
  const byLabel = (r: PerformanceReport) => Object.fromEntries(r.rows.map(({ key: _k, label, ...f }) => [label, f]));

  beforeAll(async () => {
    p = await startPlatform('reports', { REPORT_SERVICE_TIMEOUT_MS: '1000' }, { campaign: true, intelligence: true });
    manager = await p.user('a', 'manager');
    admin = await p.user('a', 'admin');
    agent = await p.user('a', 'agent');
    managerB = await p.user('b', 'manager');
    const create = async (url: string, body: unknown, user = manager) => {
      const res = await p.request({ method: 'POST', url, user, body });
      expect(res.statusCode === 201 || res.statusCode === 200 ? 'created' : res.body).toBe('created');
      return res.json().id as string;
    };
    id.worli = await create('/api/v1/campaigns', { name: 'Worli towers' });
    id.pune = await create('/api/v1/campaigns', { name: 'Pune hills' });
    id.campaignB = await create('/api/v1/campaigns', { name: 'Tenant B campaign' }, managerB);
    id.aanya = await create('/api/v1/agent-personas', persona('Aanya'));
    id.vikram = await create('/api/v1/agent-personas', persona('Vikram'));
    for (const lead of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'B1']) id[lead] = uuid7();

    const a = p.tenants.a;
    const call = (tenantId: string, lead: string, campaign: string | null, personaKey: string | null, leadSource: string | null, startedAt: string, outcome: StoredCall['outcome'], seconds: number, costUsd: number, classification: StoredCall['classification'] = null, attempt = 1) =>
      insertStoredCall(p, { tenantId, leadId: id[lead]!, campaignId: campaign && id[campaign]!, personaId: personaKey && id[personaKey]!, leadSource, startedAt, outcome, seconds, costUsd, classification, attempt, localHour: 11 });
    // Worli: L1 (Aanya, website) answers on the second try and qualifies; L2 (Aanya, then Vikram) is not interested;
    // L3 (Vikram, referral) asks for a callback, then qualifies.
    await call(a, 'L1', 'worli', 'aanya', 'website', '2026-03-02T05:00:00Z', 'no_answer', 0, 0.05);
    await call(a, 'L1', 'worli', 'aanya', 'website', '2026-03-03T05:00:00Z', 'answered', 120, 0.3, 'qualified', 2);
    await call(a, 'L2', 'worli', 'aanya', 'website', '2026-03-04T05:00:00Z', 'answered', 60, 0.2, 'not_interested');
    await call(a, 'L2', 'worli', 'vikram', 'website', '2026-03-05T05:00:00Z', 'no_answer', 0, 0.05, null, 2);
    await call(a, 'L3', 'worli', 'vikram', 'referral', '2026-03-06T05:00:00Z', 'answered', 90, 0.25, 'callback_requested');
    await call(a, 'L3', 'worli', 'vikram', 'referral', '2026-03-07T05:00:00Z', 'answered', 30, 0.1, 'qualified', 2);
    // Pune: L4 (Vikram, referral) busy, then needs a person: 00:30 on 1 March in India (still 28 February in UTC).
    await call(a, 'L4', 'pune', 'vikram', 'referral', '2026-03-10T05:00:00Z', 'busy', 0, 0);
    await call(a, 'L4', 'pune', 'vikram', 'referral', '2026-02-28T19:00:00Z', 'answered', 200, 0.5, 'human_input_needed', 2);
    // L5 (Aanya, website) rings in at 23:50 on 31 March in India and qualifies; our call back at 00:10 on 1 April is outside.
    await call(a, 'L5', 'pune', 'aanya', 'website', '2026-03-31T18:20:00Z', 'answered', 45, 0.15, 'qualified', 0);
    await call(a, 'L5', 'pune', 'aanya', 'website', '2026-03-31T18:40:00Z', 'no_answer', 0, 0.05);
    // L6: a call outside any campaign, before lead sources were kept with calls; no conversation to read.
    await call(a, 'L6', null, null, null, '2026-03-15T05:00:00Z', 'answered', 10, 0.02);
    // 23:30 on 28 February in India: outside March.
    await call(a, 'L1', 'worli', 'aanya', 'website', '2026-02-28T18:00:00Z', 'answered', 100, 1, 'qualified', 3);
    // Tenant b: its own qualified calls, which tenant a must never count.
    await call(p.tenants.b, 'B1', 'campaignB', null, 'website', '2026-03-10T05:00:00Z', 'answered', 300, 2, 'qualified');
    await call(p.tenants.b, 'B1', 'campaignB', null, 'website', '2026-03-11T05:00:00Z', 'answered', 300, 2, 'qualified', 2);
  }, 120_000);
  afterAll(async () => {
    await p?.stop();
  });

  const noCampaign: Figures = {
    leads: 1, dialed: 1, connected: 1, connectRate: 1, qualified: 0, qualificationRate: 0, notInterested: 0, callbacks: 0, humanNeeded: 0,
    averageCallDurationSeconds: 10, costUsd: 0.02, costPerQualifiedLeadUsd: null,
  };
  const totals: Figures = {
    leads: 6, dialed: 9, connected: 6, connectRate: 0.666667, qualified: 3, qualificationRate: 0.5, notInterested: 1, callbacks: 1, humanNeeded: 1,
    averageCallDurationSeconds: 79.285714, costUsd: 1.62, costPerQualifiedLeadUsd: 0.54,
  };

  it('reports by campaign over the tenant’s calendar days, every figure exact', async () => {
    const r = await json(`/api/v1/reports/performance?${RANGE}&group_by=campaign`);
    expect(r).toMatchObject({ period: { from: '2026-03-01', to: '2026-03-31', days: 31, timeZone: 'Asia/Kolkata' }, groupBy: 'campaign', campaign: null, partial: [] });
    expect(r.rows.map((x) => [x.label, x.key])).toEqual([['Worli towers', id.worli], ['Pune hills', id.pune], ['No campaign', null]]);
    expect(byLabel(r)).toEqual({
      'Worli towers': {
        leads: 3, dialed: 6, connected: 4, connectRate: 0.666667, qualified: 2, qualificationRate: 0.666667, notInterested: 1, callbacks: 1, humanNeeded: 0,
        averageCallDurationSeconds: 75, costUsd: 0.95, costPerQualifiedLeadUsd: 0.475,
      },
      'Pune hills': {
        leads: 2, dialed: 2, connected: 1, connectRate: 0.5, qualified: 1, qualificationRate: 0.5, notInterested: 0, callbacks: 0, humanNeeded: 1,
        averageCallDurationSeconds: 122.5, costUsd: 0.65, costPerQualifiedLeadUsd: 0.65,
      },
      'No campaign': noCampaign,
    });
    expect(r.totals).toEqual(totals);
  });

  it('reports by persona: a lead called by both counts in each, once in the totals', async () => {
    const r = await json(`/api/v1/reports/performance?${RANGE}&group_by=persona`);
    expect(byLabel(r)).toEqual({
      Aanya: {
        leads: 3, dialed: 3, connected: 2, connectRate: 0.666667, qualified: 2, qualificationRate: 0.666667, notInterested: 1, callbacks: 0, humanNeeded: 0,
        averageCallDurationSeconds: 75, costUsd: 0.7, costPerQualifiedLeadUsd: 0.35,
      },
      Vikram: {
        leads: 3, dialed: 5, connected: 3, connectRate: 0.6, qualified: 1, qualificationRate: 0.333333, notInterested: 0, callbacks: 1, humanNeeded: 1,
        averageCallDurationSeconds: 106.666667, costUsd: 0.9, costPerQualifiedLeadUsd: 0.9,
      },
      'No persona': noCampaign,
    });
    expect(r.totals).toEqual(totals);
  });

  it('reports by lead source; calls stored without one are an unknown source', async () => {
    const r = await json(`/api/v1/reports/performance?${RANGE}&group_by=source`);
    expect(byLabel(r)).toEqual({
      website: {
        leads: 3, dialed: 4, connected: 2, connectRate: 0.5, qualified: 2, qualificationRate: 0.666667, notInterested: 1, callbacks: 0, humanNeeded: 0,
        averageCallDurationSeconds: 75, costUsd: 0.75, costPerQualifiedLeadUsd: 0.375,
      },
      referral: {
        leads: 2, dialed: 4, connected: 3, connectRate: 0.75, qualified: 1, qualificationRate: 0.5, notInterested: 0, callbacks: 1, humanNeeded: 1,
        averageCallDurationSeconds: 106.666667, costUsd: 0.85, costPerQualifiedLeadUsd: 0.85,
      },
      'Unknown source': noCampaign,
    });
    expect(r.totals).toEqual(totals);
  });

  it('narrows to one campaign; another tenant’s campaign is not found', async () => {
    const r = await json(`/api/v1/reports/performance?${RANGE}&group_by=persona&campaign_id=${id.worli}`, admin);
    expect(r.campaign).toEqual({ id: id.worli, name: 'Worli towers' });
    expect(r.rows.map((x) => [x.label, x.leads, x.dialed])).toEqual([['Aanya', 2, 3], ['Vikram', 2, 3]]);
    expect(r.totals).toMatchObject({ leads: 3, dialed: 6, qualified: 2, costUsd: 0.95 });
    const other = await get(`/api/v1/reports/performance?${RANGE}&campaign_id=${id.campaignB}`);
    expect(other.statusCode).toBe(404);
  });

  it('counts only the tenant’s own calls', async () => {
    const b = await json(`/api/v1/reports/performance?${RANGE}&group_by=source`, managerB);
    expect(b.rows.map((x) => [x.label, x.leads, x.dialed, x.qualified, x.costUsd])).toEqual([['website', 1, 2, 1, 4]]);
    expect(b.totals).toMatchObject({ leads: 1, dialed: 2, qualified: 1, costUsd: 4 });
    const empty = await json('/api/v1/reports/performance?from=2025-01-01&to=2025-01-31');
    expect(empty.rows).toEqual([]);
    expect(empty.totals).toMatchObject({ leads: 0, dialed: 0, connectRate: null, qualificationRate: null, averageCallDurationSeconds: null, costUsd: 0, costPerQualifiedLeadUsd: null });
  });

  it('downloads the same figures as CSV', async () => {
    const res = await get(`/api/v1/reports/performance.csv?${RANGE}&group_by=campaign`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="soraaya-performance-2026-03-01-2026-03-31-campaign.csv"');
    expect(res.headers['x-report-partial']).toBeUndefined();
    const [header, ...lines]: string[][] = parse(res.body, { bom: true });
    const cells = (line: string[]) => Object.fromEntries(header!.map((h, i) => [h, line[i]]));
    const figures = (c: Record<string, string | undefined>): Figures => {
      const n = (k: string) => (c[k] === '' ? null : Number(c[k]));
      return {
        leads: n('leads')!, dialed: n('calls_dialed')!, connected: n('connected')!, connectRate: n('connect_rate'), qualified: n('qualified')!,
        qualificationRate: n('qualification_rate'), notInterested: n('not_interested')!, callbacks: n('callbacks')!, humanNeeded: n('human_needed')!,
        averageCallDurationSeconds: n('average_call_duration_seconds'), costUsd: n('cost_usd')!, costPerQualifiedLeadUsd: n('cost_per_qualified_lead_usd'),
      };
    };
    const report = await json(`/api/v1/reports/performance?${RANGE}&group_by=campaign`);
    const rows = lines.map(cells);
    expect(rows.map((c) => [c.row, c.group, c.group_id])).toEqual([['group', 'Worli towers', id.worli], ['group', 'Pune hills', id.pune], ['group', 'No campaign', ''], ['total', 'Total', '']]);
    expect(rows.slice(0, 3).map(figures)).toEqual(report.rows.map(({ key: _k, label: _l, ...f }) => f));
    expect(figures(rows[3]!)).toEqual(totals);
  });

  it('downloads a real PDF with the group names and the totals', async () => {
    const res = await get(`/api/v1/reports/performance.pdf?${RANGE}&group_by=campaign`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="soraaya-performance-2026-03-01-2026-03-31-campaign.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    for (const s of ['Performance report', 'Tenant a', 'Period: 1 Mar 2026 – 31 Mar 2026 (31 days, calendar days in Asia/Kolkata)', 'Grouped by campaign', 'Worli towers', 'Pune hills', 'No campaign', 'Page 1 of 1']) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/Generated \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} [ap]m IST/);
    const pieces = pdfTextPieces(res.rawPayload);
    const total = pieces.indexOf('Total');
    expect(pieces.slice(total, total + 13)).toEqual(['Total', '6', '9', '6', '66.7%', '3', '50%', '1', '1', '1', '1:19', '$1.62', '$0.54']);
    expect(text).not.toContain('missing');
  });

  it('groups a call the dialer reports by the source its lead had (kept by intelligence when it stores the call)', async () => {
    const lead = await p.request({ method: 'POST', url: '/api/v1/leads', user: manager, body: { contactPerson: 'Walk-in Wadia', phone: '+91 98200 77001', leadSource: 'walk_in' } });
    expect(lead.statusCode).toBe(201);
    const startedAt = '2026-05-10T06:00:00.000Z';
    await publishEvent(p, callEndedV1, eventOf(callEndedV1, p.tenants.a, {
      callId: uuid7(), leadId: lead.json().id, campaignId: id.pune!, personaId: id.vikram!, attempt: 1, outcome: 'voicemail', endedReason: 'voicemail',
      durationSeconds: 25, costUsd: 0.04, recordingUrl: null, transcript: null, summary: null, startedAt, endedAt: '2026-05-10T06:00:25.000Z',
    }));
    const r = await until(async () => {
      const may = await json('/api/v1/reports/performance?from=2026-05-01&to=2026-05-31&group_by=source');
      return may.rows.length ? may : null;
    }, 20_000);
    expect(r.rows).toEqual([expect.objectContaining({ key: 'walk_in', label: 'walk_in', leads: 1, dialed: 1, connected: 0, connectRate: 0, costUsd: 0.04 })]);
  });

  it.each([
    ['/api/v1/reports/performance?to=2026-03-31', 'query.from'],
    ['/api/v1/reports/performance?from=2026-03-01', 'query.to'],
    ['/api/v1/reports/performance?from=2026-02-30&to=2026-03-31', 'query.from'],
    ['/api/v1/reports/performance?from=2026-03-01&to=2026-3-31', 'query.to'],
    ['/api/v1/reports/performance?from=2026-03-31&to=2026-03-01', 'query.to'],
    ['/api/v1/reports/performance?from=2025-01-01&to=2026-01-02', 'query.to'],
    [`/api/v1/reports/performance.csv?${RANGE}&group_by=agent`, 'query.group_by'],
    [`/api/v1/reports/performance.pdf?${RANGE}&campaign_id=abc`, 'query.campaign_id'],
    [`/api/v1/reports/performance?${RANGE}&groupBy=source`, 'query'],
  ])('GET %s answers 400 naming %s', async (url, path) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
    expect(res.json().error.message).toContain(path);
  });

  it('is for admins and managers: an agent is refused, a stranger asked to log in', async () => {
    for (const suffix of ['', '.csv', '.pdf']) {
      expect((await get(`/api/v1/reports/performance${suffix}?${RANGE}`, agent)).statusCode).toBe(403);
      expect((await p.request({ method: 'GET', url: `/api/v1/reports/performance${suffix}?${RANGE}` })).statusCode).toBe(401);
    }
  });

  it('documents the three routes in the OpenAPI document', async () => {
    const doc = (await p.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = (path: string) => doc.paths[path].get;
    expect(op('/api/v1/reports/performance').parameters.map((x: { name: string; required: boolean }) => [x.name, x.required])).toEqual([
      ['from', true],
      ['to', true],
      ['group_by', false],
      ['campaign_id', false],
    ]);
    expect(Object.keys(op('/api/v1/reports/performance').responses['200'].content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['period', 'groupBy', 'rows', 'totals', 'partial']),
    );
    expect(op('/api/v1/reports/performance.csv').responses['200'].content['text/csv'].schema).toEqual({ type: 'string' });
    expect(op('/api/v1/reports/performance.pdf').responses['200'].content['application/pdf'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(Object.keys(op('/api/v1/reports/performance.pdf').responses['200'].headers)).toEqual(['content-disposition', 'x-report-partial']);
  });

  it('answers in time without the call figures when intelligence is slow, naming it', async () => {
    // Hold a lock the intelligence query needs, past its 1 s share.
    const runner = p.gateway.runtime.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`lock table intel.transcripts in access exclusive mode`);
      const started = Date.now();
      const r = await json(`/api/v1/reports/performance?${RANGE}`);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(r).toMatchObject({ rows: [], totals: null, partial: ['intelligence'] });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('names a stopped service in partial, in JSON, CSV and PDF, never a 5xx', async () => {
    await p.campaign!.stop();
    p.campaign = null;
    const r = await json(`/api/v1/reports/performance?${RANGE}&group_by=persona`);
    expect(r.partial).toEqual(['campaign']);
    expect(r.rows.map((x) => x.label).sort()).toEqual([`Persona ${id.aanya}`, `Persona ${id.vikram}`, 'No persona'].sort());
    expect(r.totals).toEqual(totals);
    const narrowed = await json(`/api/v1/reports/performance?${RANGE}&campaign_id=${id.worli}`);
    expect(narrowed).toMatchObject({ campaign: { id: id.worli, name: null }, partial: ['campaign'] });

    await p.intelligence!.stop();
    p.intelligence = null;
    const none = await json(`/api/v1/reports/performance?${RANGE}`);
    expect(none).toMatchObject({ rows: [], totals: null, partial: ['campaign', 'intelligence'] });
    const csv = await get(`/api/v1/reports/performance.csv?${RANGE}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['x-report-partial']).toBe('campaign,intelligence');
    expect(parse(csv.body, { bom: true })).toHaveLength(1); // the header alone
    const pdf = await get(`/api/v1/reports/performance.pdf?${RANGE}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['x-report-partial']).toBe('campaign,intelligence');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Some figures are missing from this report');
    expect(text).toContain('(transcript intelligence did not answer)');
  });
});
