/**
 * bench/dialer: 5,000 leads, the simulator answering at once (every call is a
 * conversation reported immediately), a campaign cap of 200. The whole path
 * runs: pacer -> simulator -> signed webhooks -> gateway -> JetStream -> dialer.
 * Prints the concurrency held over time (it should sit at the cap), the p99
 * delay from a slot freeing to the next dial, and cap overshoots (must be 0).
 *
 *   npm run bench:dialer        (LEADS=5000 CAP=200)
 */
import { createCampaignV1, createPersonaV1, assignCampaignLeadsV1, campaignActionV1 } from '@soraaya/contracts';
import { RpcClient, Topology, loadConfig, uuid7 } from '@soraaya/service-kit';
import { createTestInfra, middayZone } from '@soraaya/service-kit/testing';
import { connect } from 'nats';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildDialerApp } from '../services/dialer/src/app';
import { dialerConfigSchema } from '../services/dialer/src/config';
import { buildService } from '../scripts/build-services';
import { Latencies } from './lib/latency';
import { loadLeads } from './lib/load-leads';
import { ServiceProcess } from './lib/service-process';

const LEADS = Number(process.env.LEADS ?? 5000);
const CAP = Number(process.env.CAP ?? 200);
const TENANT = '0193a000-0000-7000-8000-0000000be7c0';

async function main(): Promise<void> {
  const infra = await createTestInfra('benchdialer');
  const secret = `bench-${uuid7()}`;
  const env = { ...infra.env, LOG_LEVEL: 'error', VAPI_WEBHOOK_SECRET: secret, SEED_DEMO_TENANT: 'false', SILENT_SCAN_INTERVAL_SECONDS: '3600', RATE_LIMIT_PER_MINUTE: '1000000' };
  // The other services run as their own compiled processes, as deployed; the dialer runs in this
  // process so the bench can watch every slot it takes and frees.
  const port = 3191;
  const others = [
    await ServiceProcess.start(await buildService('lead'), { ...env, HTTP_PORT: '3189' }, 3189),
    await ServiceProcess.start(await buildService('campaign'), env, 3190),
    await ServiceProcess.start(await buildService('gateway'), { ...env, PORT: String(port) }, port),
  ];

  const freedAt: number[] = [];
  const slotDelays = new Latencies();
  let overshoots = 0;
  const dialer = await buildDialerApp(
    loadConfig(dialerConfigSchema, { ...env, SIMULATOR_WEBHOOK_URL: `http://127.0.0.1:${port}/webhooks/vapi`, SIMULATOR_SPEED: '0', SIMULATOR_OUTCOMES: 'answered:100', TENANT_MAX_CONCURRENT_CALLS: String(CAP), PROVIDER_CALLS_PER_SECOND: '1000', PACER_TICK_MS: '20' }),
    {
      onSlotFreed: () => freedAt.push(performance.now()),
      onSlotTaken: (_c, inUse, cap) => {
        if (inUse > cap) overshoots++;
        const freed = freedAt.shift();
        if (freed !== undefined) slotDelays.add(performance.now() - freed);
      },
    },
  );
  const nc = await connect({ servers: infra.natsUrl });
  try {
    loadLeads(infra.databaseUrl, TENANT, LEADS);
    // Every lead callable now: the campaign reads its window on a clock where it is midday.
    const zone = middayZone();
    const rpc = new RpcClient(nc, new Topology(infra.natsPrefix), 600_000);
    const meta = { tenantId: TENANT, actor: { type: 'user' as const, id: 'bench', role: 'manager' as const }, correlationId: 'bench-dialer' };
    const persona = await rpc.request(createPersonaV1, meta, { name: 'Bench', region: 'mumbai', voiceId: 'sim', firstMessage: 'Hello {{lead.first_name}}', scriptTemplate: 'About {{property.name}}' });
    const c = await rpc.request(createCampaignV1, meta, {
      name: 'Bench',
      personas: [{ personaId: persona.id, weight: 1 }],
      callingPolicy: { maxConcurrentCalls: CAP, maxAttempts: 1, windowStart: '09:00', windowEnd: '20:00', windowTimeZone: 'campaign', campaignTimeZone: zone } as never,
    });
    await rpc.request(assignCampaignLeadsV1, meta, { id: c.id, filters: {} });
    for (;;) {
      const [{ n }] = await dialer.runtime.ds.query(`select count(*)::int as n from dialer.queue where campaign_id = $1`, [c.id]);
      if (n === LEADS) break;
      await sleep(200);
    }
    const samples: { t: number; inUse: number }[] = [];
    const t0 = performance.now();
    await rpc.request(campaignActionV1, meta, { id: c.id, action: 'start' });
    let done = 0;
    while (done < LEADS) {
      samples.push({ t: (performance.now() - t0) / 1000, inUse: await dialer.slots.inUse(TENANT, c.id) });
      if (samples.length % 10 === 0) done = (await dialer.runtime.ds.query(`select count(*)::int as n from dialer.queue where campaign_id = $1 and state = 'done'`, [c.id]))[0].n;
      await sleep(100);
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`${LEADS.toLocaleString()} calls at a cap of ${CAP} in ${seconds.toFixed(1)} s (${Math.round(LEADS / seconds)} calls/s)`);
    console.log('concurrency held (slots in use), sampled every 100 ms:');
    const buckets = Math.min(10, Math.ceil(seconds));
    for (let b = 0; b < buckets; b++) {
      const from = (b * seconds) / buckets;
      const to = ((b + 1) * seconds) / buckets;
      const xs = samples.filter((s) => s.t >= from && s.t < to).map((s) => s.inUse);
      if (!xs.length) continue;
      console.log(`  ${from.toFixed(1).padStart(6)}–${to.toFixed(1).padEnd(6)} s  min ${Math.min(...xs)}  avg ${Math.round(xs.reduce((a, x) => a + x, 0) / xs.length)}  max ${Math.max(...xs)}`);
    }
    const steady = samples.filter((s) => s.t > 1 && s.t < seconds - 1).map((s) => s.inUse);
    console.log(`steady state: mean ${(steady.reduce((a, x) => a + x, 0) / Math.max(1, steady.length)).toFixed(0)} of ${CAP}, peak ${Math.max(0, ...samples.map((s) => s.inUse))}`);
    console.log(`delay from a slot freeing to the next dial: ${slotDelays.summary()}`);
    console.log(`cap overshoots: ${overshoots} (must be 0)`);
  } finally {
    await nc.close();
    await dialer.stop();
    for (const p of others.reverse()) await p.stop();
    await infra.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
