import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import { Client } from 'pg';
import { Redis } from 'ioredis';

/**
 * Real infrastructure for one test suite: its own Postgres database and its own
 * NATS prefix (so its own streams), on the servers named by DATABASE_URL,
 * NATS_URL and REDIS_URL (or the local defaults). `destroy()` drops them all.
 */
export interface TestInfra {
  id: string;
  databaseUrl: string;
  natsUrl: string;
  redisUrl: string;
  natsPrefix: string;
  /** Environment for loadConfig pointing at this suite's resources. */
  env: Record<string, string>;
  destroy(): Promise<void>;
}

export async function createTestInfra(label: string): Promise<TestInfra> {
  const id = `${label.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 16)}${randomBytes(4).toString('hex')}`;
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const dbName = `test_${id}`;

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const natsPrefix = `t${id}`;

  return {
    id,
    databaseUrl: url.toString(),
    natsUrl,
    redisUrl,
    natsPrefix,
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: url.toString(),
      NATS_URL: natsUrl,
      NATS_PREFIX: natsPrefix,
      REDIS_URL: redisUrl,
      NATS_STREAM_MAX_AGE_HOURS: '1',
    },
    async destroy() {
      await dropNatsResources(natsUrl, natsPrefix);
      await dropRedisKeys(redisUrl, natsPrefix);
      const a = new Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${dbName} with (force)`);
      await a.end();
    },
  };
}

async function dropNatsResources(natsUrl: string, prefix: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    for await (const name of jsm.streams.names()) {
      // Streams of this suite, and the object-store streams of its buckets.
      if (name.startsWith(`${prefix}_`) || name.startsWith(`OBJ_${prefix}_`) || name.startsWith(`KV_${prefix}_`)) {
        await jsm.streams.delete(name);
      }
    }
  } finally {
    await nc.close();
  }
}

async function dropRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
