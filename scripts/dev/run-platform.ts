import { RpcClient, Topology } from '@soraaya/service-kit';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from 'nats';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { formatLogLine } from './log-format';
import { DEMO_TENANT_ID, DEV_SERVICES, type DevService } from './platform-services';
import { seedDemo } from './seed-demo';

/**
 * Runs every service as a child process on this machine with local defaults,
 * waits for each to be ready, seeds the demo tenant and keeps them running
 * until Ctrl-C. A service that dies takes the platform down with a message.
 */
const CONSOLE_BUILD = 'frontend/console/dist/console/browser';
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/soraaya',
  NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  // The simulator posts signed VAPI webhooks to the gateway: both need the same secret. A fresh
  // one per run unless you set your own (and it is never written anywhere).
  VAPI_WEBHOOK_SECRET: process.env.VAPI_WEBHOOK_SECRET ?? randomBytes(24).toString('base64url'),
  // The console, once built (npm run build:console), is served by the gateway at /.
  ...(!process.env.CONSOLE_DIST_DIR && existsSync(`${CONSOLE_BUILD}/index.html`) ? { CONSOLE_DIST_DIR: CONSOLE_BUILD } : {}),
};
const children = new Map<string, ChildProcess>();
let stopping = false;

async function main(): Promise<void> {
  await assertJetStream(env.NATS_URL);
  for (const svc of DEV_SERVICES) {
    start(svc);
    await waitReady(svc);
  }
  if (process.env.DEMO_SEED !== 'false') {
    const nc = await connect({ servers: env.NATS_URL });
    const seeded = await seedDemo(new RpcClient(nc, new Topology(process.env.NATS_PREFIX ?? ''), 10_000));
    await nc.close();
    console.log(`\x1b[1mdemo    \x1b[0m tenant ${DEMO_TENANT_ID}: ${seeded.created} leads created, ${seeded.existing} already there; campaign ${seeded.campaign}`);
  }
  const gateway = DEV_SERVICES.find((s) => s.name === 'gateway')!;
  console.log('\n\x1b[1mSoraaya is running.\x1b[0m Press Ctrl-C to stop.');
  console.log(`  API         http://127.0.0.1:${gateway.port}/api/v1   docs: http://127.0.0.1:${gateway.port}/api/docs`);
  console.log(env.CONSOLE_DIST_DIR ? `  console     http://127.0.0.1:${gateway.port}/` : '  console     not built: npm run build:console, then restart');
  console.log(`  login       ${process.env.SORAAYA_ADMIN_EMAIL ?? 'admin@soraaya.local'}  (password: SORAAYA_ADMIN_PASSWORD, or the one printed at the first start)`);
  for (const svc of DEV_SERVICES) console.log(`  ${svc.name.padEnd(11)} http://127.0.0.1:${svc.port}/readyz  /metrics`);
  if (process.env.EXIT_AFTER_START === 'true') await shutdown(0);
}

function start(svc: DevService): void {
  const child = spawn('node_modules/.bin/tsx', [svc.entry], { env: { ...env, HTTP_PORT: String(svc.port), PORT: String(svc.port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.set(svc.name, child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(formatLogLine(svc.name, line)));
  }
  child.on('exit', (code, signal) => {
    children.delete(svc.name);
    if (!stopping) {
      console.error(`\n${svc.name} exited (${signal ?? `code ${code}`}); stopping the platform.`);
      void shutdown(1);
    }
  });
}

async function waitReady(svc: DevService): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = '';
  while (Date.now() < deadline) {
    if (!children.has(svc.name)) throw new Error(`${svc.name} exited during start-up`);
    try {
      const res = await fetch(`http://127.0.0.1:${svc.port}/readyz`);
      if (res.ok) return;
      last = await res.text();
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(300);
  }
  throw new Error(`${svc.name} was not ready after 120 s: ${last}`);
}

async function assertJetStream(url: string): Promise<void> {
  const nc = await connect({ servers: url, timeout: 5000 }).catch((err: Error) => {
    throw new Error(`Cannot reach NATS at ${url}: ${err.message}`);
  });
  try {
    await (await nc.jetstreamManager()).getAccountInfo();
  } catch {
    throw new Error(`NATS at ${url} runs without JetStream; restart it with -js (e.g. nats-server -js -sd /var/lib/nats-server)`);
  } finally {
    await nc.close();
  }
}

async function shutdown(code: number): Promise<void> {
  stopping = true;
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
        }),
    ),
  );
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (err: unknown) => {
  console.error(`\nStart failed: ${(err as Error).message}`);
  await shutdown(1);
});
