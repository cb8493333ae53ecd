/**
 * bench/api: lead lists through the gateway (HTTP -> JWT -> NATS -> lead
 * service -> Postgres) at a steady 200 requests/s over 1,000,000 leads, with
 * a mix of filters, sorts and searches for a person. Both services run compiled,
 * as they ship; the load client, both services, NATS and Postgres share 2 cores.
 *
 *   npm run bench:api        (LEADS=1000000 RATE=200 DURATION=20; BENCH_KEEP_DB=true to reuse the data)
 * Target: p95 under 50 ms.
 */
import { uuid7 } from '@soraaya/service-kit';
import autocannon from 'autocannon';
import { connect } from 'nats';
import { buildService } from '../scripts/build-services';
import { hashPassword } from '../services/gateway/src/auth/password';
import { createBenchDatabase, dropPrefixedStreams, psql } from './lib/bench-db';
import { Latencies } from './lib/latency';
import { loadLeads } from './lib/load-leads';
import { ServiceProcess } from './lib/service-process';

const LEADS = Number(process.env.LEADS ?? 1_000_000);
const RATE = Number(process.env.RATE ?? 200);
const DURATION = Number(process.env.DURATION ?? 20);
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const TENANT = '0193a000-0000-7000-8000-0000000be7c0';
const LEAD_PORT = 3195;
const GATEWAY_PORT = 3194;

const PATHS = [
  '/api/v1/leads?limit=50',
  '/api/v1/leads?status=to_call&limit=50',
  '/api/v1/leads?status=follow_up,callback_requested,human_input_needed&limit=50',
  '/api/v1/leads?status=to_call,qualified&priority=high&limit=50',
  `/api/v1/leads?campaignId=0193a000-0000-7000-8000-000000000007&limit=50`,
  '/api/v1/leads?scoreMin=80&sort=score:desc&limit=50',
  '/api/v1/leads?sort=contactPerson:asc&priority=high&limit=50',
  // Searches for a person, as users type them (selective). A common word matching 1 lead in 12
  // costs ~60 ms of database time; bench/lead-list reports that case on its own.
  '/api/v1/leads?search=raghavan%2045123&limit=50',
  '/api/v1/leads?search=9800%204512&limit=50',
  '/api/v1/leads/counts',
];

async function main(): Promise<void> {
  const db = await createBenchDatabase('bench_api');
  const prefix = `bencha${uuid7().slice(-8)}`;
  const nc = await connect({ servers: NATS_URL });
  const common = { DATABASE_URL: db.url, NATS_URL, NATS_PREFIX: prefix, LOG_LEVEL: 'warn' };
  let lead: ServiceProcess | null = null;
  let gateway: ServiceProcess | null = null;
  try {
    lead = await ServiceProcess.start(await buildService('lead'), { ...common, SILENT_SCAN_INTERVAL_SECONDS: '3600' }, LEAD_PORT);
    gateway = await ServiceProcess.start(await buildService('gateway'), { ...common, SEED_DEMO_TENANT: 'false', PORT: String(GATEWAY_PORT), RATE_LIMIT_PER_MINUTE: '1000000' }, GATEWAY_PORT);
    const t = Date.now();
    if (!db.reused) loadLeads(db.url, TENANT, LEADS);
    console.log(`${LEADS.toLocaleString()} leads ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    psql(db.url, `insert into gateway.tenants (id, name, slug) values ('${TENANT}', 'Bench', 'bench') on conflict do nothing`);
    psql(db.url, `insert into gateway.users (id, tenant_id, email, password_hash, role, full_name) values ('${uuid7()}', '${TENANT}', 'bench@example.in', '${await hashPassword('bench-password')}', 'manager', 'Bench') on conflict (email) do nothing`);
    const login = await fetch(`http://127.0.0.1:${GATEWAY_PORT}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.in', password: 'bench-password' }) });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const headers = { authorization: `Bearer ${token}` };

    // Warm-up: first touches of index pages come from disk once.
    await run({ url: `http://127.0.0.1:${GATEWAY_PORT}`, connections: 4, amount: PATHS.length * 20, requests: PATHS.map((path) => ({ method: 'GET', path, headers })) });
    // autocannon paces `overallRate` per tick across its connections, so more connections
    // means burstier arrivals (16 requests landing together). Both are reported.
    const verdicts: string[] = [];
    for (const connections of (process.env.CONNECTIONS ?? '4,16').split(',').map(Number)) {
      let i = 0;
      const result = await run({
        url: `http://127.0.0.1:${GATEWAY_PORT}`,
        connections,
        overallRate: RATE,
        duration: DURATION,
        requests: [{ method: 'GET', headers, setupRequest: (req) => ({ ...req, path: PATHS[i++ % PATHS.length]! }) }],
      });
      console.log(`\n${RATE} req/s for ${DURATION} s through the gateway over ${connections} connections, ${PATHS.length} kinds of list request:`);
      console.log(`  2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ${result.errors}; achieved ${(result['2xx'] / result.duration).toFixed(0)} req/s`);
      console.log(`  latency ${result.recorded.summary()}, max ${result.latency.max} ms`);
      const p95 = result.recorded.percentile(95);
      verdicts.push(`${connections} connections: p95 ${p95.toFixed(1)} ms ${p95 < 50 ? 'PASS' : 'MISS'}, p99 ${result.recorded.percentile(99).toFixed(1)} ms`);
    }
    console.log(`\ntarget: p95 < 50 ms at ${RATE} req/s`);
    for (const v of verdicts) console.log(`  ${v}`);
  } finally {
    await gateway?.stop();
    await lead?.stop();
    await dropPrefixedStreams(nc, prefix);
    await nc.close();
    await db.drop();
  }
}

/** Runs autocannon and records every response time, for exact percentiles (its own summary skips p95). */
function run(opts: autocannon.Options, latencies = new Latencies()): Promise<autocannon.Result & { recorded: Latencies }> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve({ ...result, recorded: latencies })));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.add(responseTime));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
