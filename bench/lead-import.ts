/**
 * bench/lead-import: imports a generated 1,000,000-row CSV (5% duplicates written
 * differently, 1% bad rows) through the real lead service (object store upload,
 * import_start, the durable import worker) and compares its time with psql \copy
 * of the same file into a bare table, measured in the same run on the same server.
 *
 *   npm run bench:lead-import            (ROWS=200000 for a quicker run)
 * Targets: import time <= 3x \copy time; peak RSS of the service < 300 MB.
 */
import { getLeadImportV1, startLeadImportV1, type LeadImport } from '@soraaya/contracts';
import { RpcClient, Topology, createServiceDataSource, migrate, uuid7 } from '@soraaya/service-kit';
import { LEAD_MIGRATIONS } from '../services/lead/src/db/migrations';
import { connect } from 'nats';
import { mkdirSync, statSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImportFileStore } from '../services/lead/src/import/import-file-store';
import { createBenchDatabase, dropPrefixedStreams, psql } from './lib/bench-db';
import { generateLeadsCsv } from './lib/generate-leads-csv';
import { ServiceProcess } from './lib/service-process';
import { buildService } from '../scripts/build-services';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const PORT = 3199;

async function main(): Promise<void> {
  const dataDir = join(__dirname, '.data');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `leads-${ROWS}.csv`);
  let t = Date.now();
  const generated = await generateLeadsCsv(file, ROWS);
  const bytes = statSync(file).size;
  console.log(`generated ${ROWS.toLocaleString()} rows (${(bytes / 2 ** 20).toFixed(1)} MiB): ${generated.uniqueLeads.toLocaleString()} leads, ${generated.duplicates.toLocaleString()} duplicates, ${generated.bad.toLocaleString()} bad rows, in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const db = await createBenchDatabase('bench_lead_import');
  const prefix = `bench${uuid7().slice(-8)}`;
  let svc: ServiceProcess | null = null;
  const nc = await connect({ servers: NATS_URL });
  try {
    // Baseline: the same bytes into a bare 12-column table with psql \copy.
    psql(db.url, 'create table bare (contact_person text, phone_number text, email text, property_name text, property_type text, location text, price_range text, status text, priority text, lead_source text, timezone text, notes text)');
    t = Date.now();
    psql(db.url, `\\copy bare from '${file}' with (format csv, header true)`);
    const copySeconds = (Date.now() - t) / 1000;
    psql(db.url, 'drop table bare');
    console.log(`baseline psql \\copy into a bare table: ${copySeconds.toFixed(2)} s (${Math.round(ROWS / copySeconds).toLocaleString()} rows/s)`);

    // Second reference: the same rows into a table with lead.leads's indexes (what any
    // loader pays to keep a searchable, filterable table), via the service's migration.
    const indexedSeconds = await copyIntoIndexedTable(db.url, file);
    console.log(`reference psql \\copy into a table with all of lead.leads's indexes: ${indexedSeconds.toFixed(2)} s`);

    // The service as it ships: compiled to one file and run by plain node.
    svc = await ServiceProcess.start(await buildService('lead'), { DATABASE_URL: db.url, NATS_URL, NATS_PREFIX: prefix, LOG_LEVEL: 'warn', SILENT_SCAN_INTERVAL_SECONDS: '3600', IMPORT_BATCH_SIZE: process.env.IMPORT_BATCH_SIZE ?? '2000' }, PORT);
    const topology = new Topology(prefix);
    const files = new ImportFileStore(nc.jetstream(), topology);
    t = Date.now();
    await files.put('bench.csv', createReadStream(file));
    console.log(`upload to the object store: ${((Date.now() - t) / 1000).toFixed(2)} s`);

    const rpc = new RpcClient(nc, topology, 30_000);
    const meta = { tenantId: uuid7(), actor: { type: 'user' as const, id: 'bench' }, correlationId: 'bench-import' };
    t = Date.now();
    const started = await rpc.request(startLeadImportV1, meta, { objectName: 'bench.csv', fileName: 'bench.csv' });
    let job: LeadImport;
    for (;;) {
      job = await rpc.request(getLeadImportV1, meta, { id: started.id, issuesLimit: 0 });
      if (job.status === 'completed' || job.status === 'failed') break;
      await sleep(250);
    }
    const importSeconds = (Date.now() - t) / 1000;
    if (job.status !== 'completed') throw new Error(`import failed: ${job.error}`);
    const rss = svc.peakRssMb();
    const ratio = importSeconds / copySeconds;
    console.log(`import: ${importSeconds.toFixed(2)} s, ${Math.round(ROWS / importSeconds).toLocaleString()} rows/s; counts ${JSON.stringify(job.counts)}`);
    console.log(`ratio import / \\copy into a bare table: ${ratio.toFixed(2)}x (target <= 3x) ${ratio <= 3 ? 'PASS' : 'MISS'}`);
    console.log(`ratio import / \\copy into the indexed table: ${(importSeconds / indexedSeconds).toFixed(2)}x`);
    console.log(`peak RSS of the lead service: ${rss.toFixed(0)} MB (target < 300 MB) ${rss < 300 ? 'PASS' : 'MISS'}`);
  } finally {
    await svc?.stop();
    await dropPrefixedStreams(nc, prefix);
    await nc.close();
    await db.drop();
  }
}

/**
 * Loads the CSV into a copy of lead.leads (all its indexes, the trigram one included) through
 * a staging table, with the same phone and email values the import stores, in psql alone.
 */
async function copyIntoIndexedTable(url: string, file: string): Promise<number> {
  const ds = createServiceDataSource({ url, schema: 'lead', migrations: LEAD_MIGRATIONS });
  await ds.initialize();
  await migrate(ds);
  await ds.query('alter table lead.leads disable trigger user'); // counts triggers are the service's cost, not the table's
  await ds.destroy();
  psql(url, 'create unlogged table staging (contact_person text, phone_number text, email text, property_name text, property_type text, location text, price_range text, status text, priority text, lead_source text, timezone text, notes text)');
  const t = Date.now();
  psql(url, `\\copy staging from '${file}' with (format csv, header true)`);
  psql(
    url,
    `insert into lead.leads (id, tenant_id, contact_person, phone_raw, phone_e164, email, property_name, property_type, location, price_range, status, priority, lead_source, time_zone, notes)
     select gen_random_uuid(), '00000000-0000-4000-8000-000000000001', contact_person, phone_number, '+' || n, lower(email), property_name, property_type, location, price_range,
            'to_call', 'medium', 'csv_import', coalesce(nullif(timezone, ''), 'Asia/Kolkata'), notes
       from (select *, row_number() over () as n from staging) s`,
  );
  const seconds = (Date.now() - t) / 1000;
  psql(url, 'drop schema lead cascade; drop table staging');
  return seconds;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
