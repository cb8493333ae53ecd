/**
 * bench/lead-list: 1,000,000 leads in one tenant (plus 100,000 in others), then
 * list requests over NATS to the real lead service at 1, 2 and 4 in flight
 * (CONCURRENCY=1,2,4). Prints p50/p95/p99 per kind of query, for filtered lists
 * and for free-text searches apart, next to a bare NATS request/reply round trip
 * measured in the same run (the floor any endpoint sits on). Client, service,
 * NATS and Postgres share the machine's 2 cores.
 *
 *   npm run bench:lead-list         (LEADS=200000 for a quicker run)
 * Target: p95 under 30 ms for filtered lists.
 */
import { listLeadsV1, type LeadFilters, type LeadSort } from '@soraaya/contracts';
import { RpcClient, Topology, uuid7 } from '@soraaya/service-kit';
import { connect } from 'nats';
import { buildService } from '../scripts/build-services';
import { createBenchDatabase, dropPrefixedStreams } from './lib/bench-db';
import { Latencies, runConcurrently } from './lib/latency';
import { ServiceProcess } from './lib/service-process';
import { loadLeads } from './lib/load-leads';

const LEADS = Number(process.env.LEADS ?? 1_000_000);
const REQUESTS = Number(process.env.REQUESTS ?? 2000);
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const PORT = 3198;
const TENANT = '0193a000-0000-7000-8000-0000000be7c0';
const CAMPAIGN = (n: number) => `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const QUERIES: { name: string; filters: LeadFilters; sort?: LeadSort; pages?: number; search?: boolean }[] = [
  { name: 'default (newest first)', filters: {} },
  { name: 'one status', filters: { statuses: ['to_call'] } },
  { name: 'three statuses', filters: { statuses: ['follow_up', 'callback_requested', 'human_input_needed'] } },
  { name: 'status + priority', filters: { statuses: ['to_call', 'qualified'], priorities: ['high'] } },
  { name: 'campaign', filters: { campaignId: CAMPAIGN(7) } },
  { name: 'search name (1 in 12 match)', filters: { search: 'raghavan' }, search: true },
  { name: 'search phone digits (100 match)', filters: { search: '9800 4512' }, search: true },
  { name: 'score >= 80, best first', filters: { scoreMin: 80 }, sort: { field: 'score', direction: 'desc' } },
  { name: 'high priority by name', filters: { priorities: ['high'] }, sort: { field: 'contactPerson', direction: 'asc' } },
  { name: 'status, 3 pages deep', filters: { statuses: ['to_call', 'follow_up'] }, pages: 3 },
];

async function main(): Promise<void> {
  const db = await createBenchDatabase('bench_lead_list');
  const prefix = `benchl${uuid7().slice(-8)}`;
  const nc = await connect({ servers: NATS_URL });
  let svc: ServiceProcess | null = null;
  try {
    // Start once to migrate, then load the data with SQL (indexes built after the load, as a restore would).
    svc = await ServiceProcess.start(await buildService('lead'), { DATABASE_URL: db.url, NATS_URL, NATS_PREFIX: prefix, LOG_LEVEL: 'warn', SILENT_SCAN_INTERVAL_SECONDS: '3600' }, PORT);
    const t = Date.now();
    if (!db.reused) loadLeads(db.url, TENANT, LEADS);
    console.log(`loaded ${LEADS.toLocaleString()} leads (+${(LEADS / 10).toLocaleString()} in other tenants) in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const topology = new Topology(prefix);
    const rpc = new RpcClient(nc, topology, 30_000);
    const meta = { tenantId: TENANT, actor: { type: 'user' as const, id: 'bench', role: 'admin' as const }, correlationId: 'bench-list' };

    // Floor: a bare request/reply round trip on the same connection.
    const echo = nc.subscribe(`${prefix}.bench.echo`, { callback: (_e, m) => m.respond(m.data) });
    const floor = new Latencies();
    await runConcurrently(REQUESTS, 4, async () => {
      const s = performance.now();
      await nc.request(`${prefix}.bench.echo`, Buffer.from('{}'), { timeout: 5000 });
      floor.add(performance.now() - s);
    });
    echo.unsubscribe();
    console.log(`baseline bare NATS request/reply: ${floor.summary()}`);

    const run = async (q: (typeof QUERIES)[number], lat: Latencies) => {
      let cursor: string | undefined;
      for (let p = 0; p < (q.pages ?? 1); p++) {
        const s = performance.now();
        const page = await rpc.request(listLeadsV1, meta, { filters: q.filters, ...(q.sort ? { sort: q.sort } : {}), limit: 50, ...(cursor ? { cursor } : {}) });
        lat.add(performance.now() - s);
        cursor = page.nextCursor ?? undefined;
        if (!cursor) break;
      }
    };
    // Warm-up: first touches of each index page come from disk once.
    await runConcurrently(QUERIES.length * 20, 4, (i) => run(QUERIES[i % QUERIES.length]!, new Latencies()));

    const levels = (process.env.CONCURRENCY ?? '1,2,4').split(',').map(Number);
    const verdicts: string[] = [];
    for (const concurrency of levels) {
      const filtered = new Latencies();
      const searched = new Latencies();
      const perQuery = new Map(QUERIES.map((q) => [q.name, new Latencies()]));
      const t0 = Date.now();
      await runConcurrently(REQUESTS, concurrency, async (i) => {
        const q = QUERIES[i % QUERIES.length]!;
        const lat = new Latencies();
        await run(q, lat);
        const ms = lat.percentile(100); // the slowest page of the request
        perQuery.get(q.name)!.add(ms);
        (q.search ? searched : filtered).add(ms);
      });
      const rate = REQUESTS / ((Date.now() - t0) / 1000);
      console.log(`\n${concurrency} in flight (${rate.toFixed(0)} req/s):`);
      for (const [name, lat] of perQuery) console.log(`  ${name.padEnd(34)} ${lat.summary()}`);
      console.log(`  filtered lists: ${filtered.summary()}`);
      console.log(`  searches:       ${searched.summary()}`);
      const p95 = filtered.percentile(95);
      verdicts.push(`${concurrency} in flight: filtered p95 ${p95.toFixed(1)} ms ${p95 < 30 ? 'PASS' : 'MISS'}, p99 ${filtered.percentile(99).toFixed(1)} ms; search p95 ${searched.percentile(95).toFixed(1)} ms, p99 ${searched.percentile(99).toFixed(1)} ms`);
    }
    console.log(`\ntarget: filtered list p95 < 30 ms`);
    for (const v of verdicts) console.log(`  ${v}`);
  } finally {
    await svc?.stop();
    await dropPrefixedStreams(nc, prefix);
    await nc.close();
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
