import { execFileSync } from 'node:child_process';
import type { NatsConnection } from 'nats';
import { Client } from 'pg';

export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A database of the bench's own, dropped afterwards. With BENCH_KEEP_DB=true it is
 * kept, and reused by the next run (`reused` tells the bench to skip its load):
 * handy when iterating on one query.
 */
export async function createBenchDatabase(name: string): Promise<{ url: string; reused: boolean; drop(): Promise<void> }> {
  const keep = process.env.BENCH_KEEP_DB === 'true';
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [name])).rowCount === 1;
  const reused = keep && exists;
  if (!reused) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  }
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    reused,
    async drop() {
      if (keep) return;
      const a = new Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Runs psql (for \copy, the baseline every import is compared to). */
export function psql(url: string, command: string): string {
  return execFileSync('psql', [url, '-q', '-v', 'ON_ERROR_STOP=1', '-Atc', command], {
    encoding: 'utf8',
    env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
  });
}

/** Deletes the JetStream streams (object store included) a bench created under its prefix. */
export async function dropPrefixedStreams(nc: NatsConnection, prefix: string): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for await (const name of jsm.streams.names()) if (name.includes(prefix)) await jsm.streams.delete(name);
}
