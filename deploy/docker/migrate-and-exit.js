/* global console, fetch, setTimeout, AbortSignal */
/**
 * Entry of the chart's migration Jobs, until the services have a migrate-only command.
 *
 * Today a service applies its pending migrations only at start, when RUN_MIGRATIONS=true
 * (service-kit createRuntime: migrate, then Redis, NATS and streams), and its HTTP port
 * listens only after that. So this starts the real entry with RUN_MIGRATIONS=true, waits
 * until /healthz answers, then stops it with SIGTERM (its graceful shutdown) and exits 0.
 * If the service exits first, the Job fails with its exit code (78 = bad configuration).
 *
 *   node bin/migrate-and-exit.js dist/<service>/main.js <ops port>
 *
 * While it waits, the service is fully up for a few seconds (consumers, outbox relay; the
 * dialer's pacer): like one extra replica during a rolling update. Replace this with the
 * service's own migrate command (values: <service>.migrations.command) once one exists.
 */
const { spawn } = require('node:child_process');

const [main, port] = process.argv.slice(2);
if (!main || !port) {
  console.error('usage: node bin/migrate-and-exit.js dist/<service>/main.js <ops port>');
  process.exit(64);
}
const deadline = Date.now() + Number(process.env.MIGRATE_TIMEOUT_SECONDS || 540) * 1000;
const child = spawn(process.execPath, [main], { stdio: 'inherit', env: { ...process.env, RUN_MIGRATIONS: 'true' } });
let stopping = false;

child.on('exit', (code, signal) => {
  if (stopping) process.exit(0);
  console.error(`migrate: ${main} exited before it was up (code ${code}, signal ${signal})`);
  process.exit(code || 1);
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy() {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

(async () => {
  while (Date.now() < deadline) {
    if (await healthy()) {
      console.log(`migrate: ${main} is up with its migrations applied; stopping it`);
      stopping = true;
      child.kill('SIGTERM');
      // The migrations are committed; a shutdown that hangs must not fail the Job.
      await sleep(25_000);
      child.kill('SIGKILL');
      process.exit(0);
    }
    await sleep(1000);
  }
  console.error(`migrate: ${main} did not answer /healthz on port ${port} in time`);
  child.kill('SIGKILL');
  process.exit(1);
})();
