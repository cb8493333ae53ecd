/**
 * bench/webhooks: autocannon against the gateway's /webhooks/vapi with valid
 * HMAC signatures (each request a distinct call, so each is stored in
 * JetStream), and against a bare Fastify route answering 200, in the same run.
 * Prints req/s, p50/p99 and the ratio.
 *
 *   npm run bench:webhooks        (DURATION=10 CONNECTIONS=32,64)
 * Target on this 2-core machine: >= 3,000 verified, durably stored webhooks/s, p99 < 50 ms.
 */
import { uuid7 } from '@soraaya/service-kit';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from 'nats';
import { buildService } from '../scripts/build-services';
import { createBenchDatabase, dropPrefixedStreams } from './lib/bench-db';
import { ServiceProcess } from './lib/service-process';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTION_LEVELS = (process.env.CONNECTIONS ?? '32,64').split(',').map(Number);
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const SECRET = `bench-${uuid7()}`;
const GATEWAY_PORT = 3196;
const BARE_PORT = 3197;

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));
}

function report(name: string, r: autocannon.Result): void {
  const ok = r['2xx'];
  console.log(`${name.padEnd(34)} ${Math.round(ok / r.duration).toLocaleString().padStart(7)} req/s (2xx), p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
}

async function main(): Promise<void> {
  const bare = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/bare-server.ts'], { env: { ...process.env, PORT: String(BARE_PORT) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => bare.stdout!.once('data', r));
  const db = await createBenchDatabase('bench_webhooks');
  const prefix = `benchw${uuid7().slice(-8)}`;
  const nc = await connect({ servers: NATS_URL });
  let gateway: ServiceProcess | null = null;
  try {
    gateway = await ServiceProcess.start(
      await buildService('gateway'),
      { DATABASE_URL: db.url, NATS_URL, NATS_PREFIX: prefix, LOG_LEVEL: 'warn', VAPI_WEBHOOK_AUTH: 'hmac', VAPI_WEBHOOK_SECRET: SECRET, SEED_DEMO_TENANT: 'false', PORT: String(GATEWAY_PORT) },
      GATEWAY_PORT,
    );
    await sleep(500);

    let n = 0;
    const webhookRequest: autocannon.Request = {
      method: 'POST',
      path: '/webhooks/vapi',
      setupRequest: (req) => {
        n += 1;
        const body = JSON.stringify({
          message: {
            type: 'status-update',
            status: 'in-progress',
            call: { id: `bench-call-${n}`, metadata: { tenantId: '0193a000-0000-7000-8000-00000000de70', callId: `c-${n}` } },
            timestamp: Date.now(),
          },
        });
        const ts = String(Date.now());
        const signature = createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex');
        return { ...req, body, headers: { 'content-type': 'application/json', 'x-timestamp': ts, 'x-signature': signature } };
      },
    };
    const jsm = await nc.jetstreamManager();
    const verdicts: string[] = [];
    console.log(`${DURATION} s per run; load client, gateway, NATS and Postgres share this machine's ${cpus().length} cores`);
    for (const connections of CONNECTION_LEVELS) {
      const bareResult = await run({ url: `http://127.0.0.1:${BARE_PORT}/bare`, method: 'POST', body: '{}', headers: { 'content-type': 'application/json' }, connections, duration: DURATION });
      const before = (await jsm.streams.info(`${prefix}_WEBHOOKS`)).state.messages;
      const webhookResult = await run({ url: `http://127.0.0.1:${GATEWAY_PORT}`, connections, duration: DURATION, requests: [webhookRequest] });
      const stored = (await jsm.streams.info(`${prefix}_WEBHOOKS`)).state.messages - before;
      console.log(`\n${connections} connections:`);
      report('  baseline: bare Fastify POST -> 200', bareResult);
      report('  /webhooks/vapi (HMAC, JetStream ack)', webhookResult);
      const rate = webhookResult['2xx'] / webhookResult.duration;
      console.log(`  stored in JetStream: ${stored.toLocaleString()} messages for ${webhookResult['2xx'].toLocaleString()} 2xx answers (the rest were in flight when the run ended)`);
      console.log(`  ratio webhooks / bare: ${(rate / (bareResult['2xx'] / bareResult.duration)).toFixed(2)}`);
      verdicts.push(`${connections} connections: ${Math.round(rate)}/s, p99 ${webhookResult.latency.p99} ms: ${rate >= 3000 && webhookResult.latency.p99 < 50 ? 'PASS' : 'MISS'}`);
    }
    console.log('\ntarget >= 3,000 verified, stored webhooks/s with p99 < 50 ms');
    for (const v of verdicts) console.log(`  ${v}`);
  } finally {
    bare.kill();
    await gateway?.stop();
    await dropPrefixedStreams(nc, prefix);
    await nc.close();
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
