import { buildOpsServer } from '../src/http/ops-server';
import { ServiceMetrics } from '../src/metrics/metrics';
import { ConfigError, baseEnvSchema, loadConfig } from '../src/config/load-config';

describe('ops server', () => {
  it('answers 503 naming each dependency that is down or too slow', async () => {
    const app = buildOpsServer({
      metrics: new ServiceMetrics('t'),
      checkTimeoutMs: 100,
      checks: {
        postgres: async () => undefined,
        redis: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        },
        nats: () => new Promise(() => undefined),
      },
    });
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      status: 'not_ready',
      checks: {
        postgres: { ok: true },
        redis: { ok: false, error: 'connect ECONNREFUSED 127.0.0.1:6379' },
        nats: { ok: false, error: 'nats did not answer within 100 ms' },
      },
    });
  });
});

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig(baseEnvSchema, {});
    expect(c).toMatchObject({ NATS_URL: 'nats://127.0.0.1:4222', NATS_PREFIX: '', LOG_LEVEL: 'info' });
  });

  it('lists every bad variable by name and hides secrets in URLs', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig(baseEnvSchema, { LOG_LEVEL: 'loud', REDIS_URL: 'http://x', NATS_PREFIX: 'Has Spaces', DB_POOL_SIZE: '0', DATABASE_URL: 'postgres://u:hunter2@db/x?' });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => p.split(':')[0])).toEqual(['LOG_LEVEL', 'DB_POOL_SIZE', 'NATS_PREFIX', 'REDIS_URL']);
    expect(error!.message).toMatch(/REDIS_URL: must be a redis:\/\/ URL \(got "http:\/\/x"\)/);
    expect(error!.message).not.toMatch(/hunter2/);
  });
});
