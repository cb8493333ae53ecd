/**
 * bench/campaign-assign: assigns 100,000 leads to a campaign by filter and prints
 * how long it took and the peak RSS of the campaign service, which walks the
 * selection a page of ids at a time instead of loading it.
 *
 *   npm run bench:campaign-assign        (LEADS=100000)
 */
import { assignCampaignLeadsV1, createCampaignV1 } from '@soraaya/contracts';
import { RpcClient, Topology, uuid7 } from '@soraaya/service-kit';
import { connect } from 'nats';
import { buildService } from '../scripts/build-services';
import { createBenchDatabase, dropPrefixedStreams } from './lib/bench-db';
import { loadLeads } from './lib/load-leads';
import { ServiceProcess } from './lib/service-process';

const LEADS = Number(process.env.LEADS ?? 100_000);
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const TENANT = '0193a000-0000-7000-8000-0000000be7c0';

async function main(): Promise<void> {
  const db = await createBenchDatabase('bench_campaign_assign');
  const prefix = `benchc${uuid7().slice(-8)}`;
  const nc = await connect({ servers: NATS_URL });
  const common = { DATABASE_URL: db.url, NATS_URL, NATS_PREFIX: prefix, LOG_LEVEL: 'warn' };
  const services: ServiceProcess[] = [];
  try {
    const lead = await ServiceProcess.start(await buildService('lead'), { ...common, SILENT_SCAN_INTERVAL_SECONDS: '3600' }, 3193);
    services.push(lead);
    const campaign = await ServiceProcess.start(await buildService('campaign'), common, 3192);
    services.push(campaign);
    if (!db.reused) loadLeads(db.url, TENANT, LEADS);
    const rpc = new RpcClient(nc, new Topology(prefix), 900_000);
    const meta = { tenantId: TENANT, actor: { type: 'user' as const, id: 'bench', role: 'manager' as const }, correlationId: 'bench-assign' };
    const c = await rpc.request(createCampaignV1, meta, { name: `Bench ${uuid7()}` });
    const baseline = campaign.peakRssMb();
    const t = Date.now();
    const result = await rpc.request(assignCampaignLeadsV1, meta, { id: c.id, filters: {} });
    const seconds = (Date.now() - t) / 1000;
    console.log(`assigned ${result.assigned.toLocaleString()} of ${LEADS.toLocaleString()} leads by filter in ${seconds.toFixed(1)} s (${Math.round(result.assigned / seconds).toLocaleString()} leads/s)`);
    console.log(`campaign service peak RSS ${campaign.peakRssMb().toFixed(0)} MB (${baseline.toFixed(0)} MB before the assignment); lead service peak RSS ${lead.peakRssMb().toFixed(0)} MB`);
  } finally {
    for (const s of services.reverse()) await s.stop();
    await dropPrefixedStreams(nc, prefix);
    await nc.close();
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
