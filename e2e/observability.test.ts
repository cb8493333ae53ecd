import { SpanKind } from '@opentelemetry/api';
import { installInMemoryTracing, type InMemoryTracing } from '@soraaya/service-kit/testing';
import { SERVICE_ATTRIBUTE } from '@soraaya/service-kit';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { FastifyInstance } from 'fastify';
import { campaignWithLeads, until } from './support/dialer-fixtures';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

const SECRET = 'vapi-shared-secret-for-observability';
const CSV = 'contact_person,phone_number,location,timezone\nMeera Iyer,+91 98200 55501,"Bandra, Mumbai",Asia/Kolkata\nRohan Shah,+91 98200 55502,"Powai, Mumbai",Asia/Kolkata\n';

/**
 * The operator's view of a small workload: every service's /metrics has the
 * series the alert rules and dashboards query, and one webhook can be followed
 * by its trace id from the gateway through the dialer to the lead service and
 * transcript intelligence (in-memory exporter; every service runs in this process).
 */
describe('observability: metrics and traces after a small workload', () => {
  let tracing: InMemoryTracing;
  let p: TestPlatform;
  let manager: TestUser;
  let campaignId: string;

  beforeAll(async () => {
    tracing = installInMemoryTracing(); // before the apps, so every service records into it
    p = await startPlatform('observe', { VAPI_WEBHOOK_SECRET: SECRET }, { campaign: true, intelligence: true, listen: true });
    manager = await p.user('a', 'manager');
    await p.startDialer({ SIMULATOR_OUTCOMES: 'answered:100', PROVIDER_CALLS_PER_SECOND: '1000', PACER_TICK_MS: '50' });

    // A few API calls, one CSV import, and a campaign of three leads dialled by the simulator.
    expect((await p.request({ method: 'GET', url: '/api/v1/leads?limit=5', user: manager })).statusCode).toBe(200);
    expect((await p.request({ method: 'GET', url: '/api/v1/leads/0193a000-0000-7000-8000-000000000000', user: manager })).statusCode).toBe(404);
    const boundary = '----soraayaobserve';
    const upload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="few.csv"\r\nContent-Type: text/csv\r\n\r\n${CSV}\r\n--${boundary}--\r\n`,
    );
    const started = await p.http.inject({
      method: 'POST',
      url: '/api/v1/leads/import',
      payload: upload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${manager.accessToken}` },
    });
    expect(started.statusCode).toBe(202);
    await until(async () => (await p.request({ method: 'GET', url: `/api/v1/leads/imports/${started.json().id}`, user: manager })).json().status === 'completed', 30_000);

    const { campaign } = await campaignWithLeads(p, manager, 'Observed', 3, { maxConcurrentCalls: 3, maxAttempts: 1 }, 700_000);
    campaignId = campaign.id;
    expect((await p.request({ method: 'POST', url: `/api/v1/campaigns/${campaignId}/start`, user: manager })).statusCode).toBe(200);
    // Done when every call was read by transcript intelligence.
    await until(async () => {
      const [{ n }] = await p.gateway.runtime.ds.query(`select count(*)::int as n from intel.analyses where campaign_id = $1`, [campaignId]);
      return n === 3;
    }, 60_000);
    // Reads served by the dialer and by transcript intelligence.
    expect((await p.request({ method: 'GET', url: '/api/v1/calling/status', user: manager })).statusCode).toBe(200);
    const [call] = await p.gateway.runtime.ds.query(`select id from dialer.calls where campaign_id = $1 limit 1`, [campaignId]);
    expect((await p.request({ method: 'GET', url: `/api/v1/calls/${call.id}/transcript`, user: manager })).statusCode).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await p?.stop();
    await tracing?.uninstall();
  });

  async function scrape(app: FastifyInstance): Promise<string> {
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    return res.body;
  }

  /** Sample lines of `name` whose labels include all of `labels` (a label value may be a RegExp). */
  function series(text: string, name: string, labels: Record<string, string | RegExp> = {}): string[] {
    return text.split('\n').filter((line) => {
      if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) return false;
      return Object.entries(labels).every(([k, v]) => {
        const m = new RegExp(`[{,]${k}="([^"]*)"`).exec(line);
        return m !== null && (typeof v === 'string' ? m[1] === v : v.test(m[1]!));
      });
    });
  }

  const value = (line: string) => Number(line.slice(line.lastIndexOf(' ') + 1));

  it('exposes RED, lag, redelivery, outbox, pool and domain series on every service /metrics', async () => {
    const apps = {
      lead: p.lead!.http,
      campaign: p.campaign!.http,
      dialer: p.dialer!.http,
      intelligence: p.intelligence!.http,
      gateway: p.gateway.http,
    };
    const scraped = Object.fromEntries(await Promise.all(Object.entries(apps).map(async ([name, app]) => [name, await scrape(app)] as const)));
    const missing: string[] = [];
    const expectSeries = (service: string, name: string, labels: Record<string, string | RegExp> = {}, check?: (v: number) => boolean) => {
      const found = series(scraped[service]!, name, { service, ...labels });
      if (!found.length || (check && !found.some((l) => check(value(l))))) missing.push(`${service}: ${name} ${JSON.stringify(labels)}`);
    };

    for (const service of Object.keys(apps)) {
      expectSeries(service, 'soraaya_db_pool_connections', { state: 'total' }, (v) => v >= 1);
      expectSeries(service, 'soraaya_db_pool_connections', { state: 'waiting' });
      expectSeries(service, 'soraaya_process_cpu_seconds_total');
      expectSeries(service, 'soraaya_nodejs_eventloop_lag_p99_seconds');
    }
    // RED per NATS endpoint (soraaya_handler_duration_seconds{kind="rpc"}) where the workload called them.
    for (const service of ['lead', 'campaign', 'dialer', 'intelligence']) {
      expectSeries(service, 'soraaya_handler_duration_seconds_count', { kind: 'rpc' });
      expectSeries(service, 'soraaya_outbox_pending', { schema: service === 'intelligence' ? 'intel' : service });
    }
    expectSeries('lead', 'soraaya_handler_duration_seconds_count', { kind: 'rpc', name: 'svc.lead.change_status.v1', outcome: 'ok' }, (v) => v >= 3);
    expectSeries('lead', 'soraaya_outbox_published_total', { schema: 'lead' }, (v) => v > 0);

    // Consumer lag and redeliveries per durable.
    expectSeries('lead', 'soraaya_consumer_pending_messages', { stream: 'LEADS', consumer: 'lead-import-worker' }, (v) => v >= 0);
    expectSeries('lead', 'soraaya_consumer_redelivered_total', { stream: 'LEADS', consumer: 'lead-import-worker' });
    expectSeries('dialer', 'soraaya_consumer_pending_messages', { stream: 'WEBHOOKS', consumer: 'dialer-vapi-webhooks' });
    expectSeries('dialer', 'soraaya_consumer_ack_pending_messages', { stream: 'WEBHOOKS', consumer: 'dialer-vapi-webhooks' });
    expectSeries('dialer', 'soraaya_consumer_redelivered_total', { consumer: 'dialer-vapi-webhooks' });
    expectSeries('intelligence', 'soraaya_consumer_pending_messages', { stream: 'CALLS', consumer: 'intel-call-ended' });
    expectSeries('campaign', 'soraaya_consumer_pending_messages', { stream: 'CALLS' });
    expectSeries('dialer', 'soraaya_handler_duration_seconds_count', { kind: 'consumer', name: 'dialer-vapi-webhooks', outcome: 'ok' }, (v) => v > 0);

    // Gateway HTTP RED by route pattern, never the raw URL.
    expectSeries('gateway', 'soraaya_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/leads/:id', status_code: '404' }, (v) => v >= 1);
    expectSeries('gateway', 'soraaya_http_request_duration_seconds_count', { method: 'POST', route: '/webhooks/vapi', status_code: '200' }, (v) => v > 3);
    expectSeries('gateway', 'soraaya_http_request_duration_seconds_bucket', { route: '/api/v1/campaigns/:id/start', le: '1' });
    expectSeries('gateway', 'soraaya_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/calls/:id/transcript', status_code: '200' });
    expectSeries('gateway', 'soraaya_handler_duration_seconds_count', { kind: 'webhook', name: 'vapi' }, (v) => v > 0);
    expect(series(scraped.gateway!, 'soraaya_http_request_duration_seconds_count', { route: /[0-9a-f]{8}-[0-9a-f]{4}/ })).toEqual([]);

    // Domain metrics.
    expectSeries('dialer', 'soraaya_dialer_calls_total', { provider: 'simulator', outcome: 'completed' }, (v) => v === 3);
    expectSeries('dialer', 'soraaya_dialer_active_calls', { provider: 'simulator' }, (v) => v === 0);
    expectSeries('dialer', 'soraaya_dialer_tenant_active_calls_max', {}, (v) => v === 0);
    expectSeries('dialer', 'soraaya_dialer_tenant_call_cap', {}, (v) => v > 0);
    expectSeries('dialer', 'soraaya_dialer_dial_skips_total', { reason: 'dnc' });
    expectSeries('dialer', 'soraaya_dialer_circuit_open', { provider: 'simulator' }, (v) => v === 0);
    expectSeries('lead', 'soraaya_lead_imports_total', { result: 'completed' }, (v) => v === 1);
    expectSeries('lead', 'soraaya_lead_import_rows_total', { outcome: 'created' }, (v) => v === 2);
    expectSeries('intelligence', 'soraaya_intel_calls_analyzed_total', { analyzer: 'offline', qualified: /^(true|false)$/ });
    const analyzed = series(scraped.intelligence!, 'soraaya_intel_calls_analyzed_total').reduce((n, l) => n + value(l), 0);
    expect(analyzed).toBe(3);
    expectSeries('intelligence', 'soraaya_intel_llm_cost_usd_total', {}, (v) => v === 0);

    expect(missing).toEqual([]);
  });

  /**
   * Spans of the trace, checked to form one tree: one root, and every other span's parent
   * in the trace (waiting a little for parents still open, e.g. a publish awaiting its ack).
   */
  async function treeOf(traceId: string): Promise<ReadableSpan[]> {
    const shape = () => {
      const spans = tracing.trace(traceId);
      const ids = new Set(spans.map((s) => s.spanContext().spanId));
      const roots = spans.filter((s) => !s.parentSpanContext).map((s) => s.name);
      const orphans = spans.filter((s) => s.parentSpanContext && !ids.has(s.parentSpanContext.spanId)).map((s) => s.name);
      return { spans, roots, orphans };
    };
    await until(async () => (shape().orphans.length === 0 ? true : undefined), 5_000).catch(() => undefined);
    const { spans, roots, orphans } = shape();
    expect({ roots, orphans }).toEqual({ roots: [expect.any(String)], orphans: [] });
    return spans;
  }

  const svc = (s: ReadableSpan) => s.attributes[SERVICE_ATTRIBUTE];

  it('follows one end-of-call webhook by its trace id: gateway → dialer → (outbox) → intelligence → lead', async () => {
    const leadIds: { id: string }[] = await p.gateway.runtime.ds.query(`select lead_id as id from dialer.calls where campaign_id = $1`, [campaignId]);
    // The intelligence consumer span of a call of this campaign; its trace began at a webhook.
    const traceId = await until(async () => {
      const consumer = tracing.spans().find((s) => s.kind === SpanKind.CONSUMER && s.attributes['messaging.consumer.group.name'] === 'intel-call-ended');
      return consumer?.spanContext().traceId;
    }, 20_000);
    const spans = await treeOf(traceId);

    const root = spans.find((s) => !s.parentSpanContext)!;
    expect(root).toMatchObject({ kind: SpanKind.SERVER, name: 'POST /webhooks/vapi' });
    expect(svc(root)).toBe('gateway');
    expect(root.attributes['http.route']).toBe('/webhooks/vapi');

    const parentOf = (s: ReadableSpan) => spans.find((x) => x.spanContext().spanId === s.parentSpanContext?.spanId);
    const one = (pred: (s: ReadableSpan) => boolean, what: string) => {
      const found = spans.filter(pred);
      expect([what, found.length > 0]).toEqual([what, true]);
      return found[0]!;
    };
    const dialerConsumer = one((s) => s.kind === SpanKind.CONSUMER && s.attributes['messaging.consumer.group.name'] === 'dialer-vapi-webhooks', 'dialer webhook consumer');
    expect(svc(dialerConsumer)).toBe('dialer');
    expect(parentOf(dialerConsumer)).toBe(root); // straight from the gateway's publish to WEBHOOKS

    const published = one((s) => s.kind === SpanKind.PRODUCER && s.name === 'calls.ended.v1 publish', 'calls.ended publish by the dialer relay');
    expect(svc(published)).toBe('dialer');
    const intel = one((s) => s.kind === SpanKind.CONSUMER && s.attributes['messaging.consumer.group.name'] === 'intel-call-ended', 'intelligence consumer');
    expect(svc(intel)).toBe('intelligence');
    expect(parentOf(intel)).toBe(published);

    // Intelligence read and updated the lead through the lead service: those RPC server spans are in the same trace.
    const leadRpc = one((s) => s.kind === SpanKind.SERVER && svc(s) === 'lead' && svc(parentOf(s)!) === 'intelligence', 'lead endpoint called by intelligence');
    expect(leadRpc.name).toMatch(/^svc\.lead\./);

    expect([...tracing.servicesIn(traceId)].sort()).toEqual(expect.arrayContaining(['dialer', 'gateway', 'intelligence', 'lead']));
    expect(leadIds.length).toBe(3);
  });

  it('follows a status-update webhook that ends a call: gateway → dialer → lead status change', async () => {
    const traceId = await until(async () => {
      const change = tracing
        .spans()
        .find((s) => s.kind === SpanKind.SERVER && svc(s) === 'lead' && s.name === 'svc.lead.change_status.v1' && tracing.trace(s.spanContext().traceId).some((x) => x.attributes['messaging.consumer.group.name'] === 'dialer-vapi-webhooks'));
      return change?.spanContext().traceId;
    }, 20_000);
    const spans = await treeOf(traceId);
    expect(spans.find((s) => !s.parentSpanContext)).toMatchObject({ name: 'POST /webhooks/vapi', attributes: { [SERVICE_ATTRIBUTE]: 'gateway' } });
    expect(['gateway', 'dialer', 'lead'].filter((s) => !tracing.servicesIn(traceId).has(s))).toEqual([]);
  });
});
