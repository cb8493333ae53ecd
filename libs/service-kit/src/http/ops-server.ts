import Fastify, { type FastifyInstance } from 'fastify';
import type { ServiceMetrics } from '../metrics/metrics';

export type ReadinessCheck = () => Promise<void>;

export interface OpsServerOptions {
  metrics: ServiceMetrics;
  checks: Record<string, ReadinessCheck>;
  checkTimeoutMs?: number;
}

/**
 * The operational surface of a service: `/healthz` (the process is alive),
 * `/readyz` (its dependencies answer; 503 naming the ones that do not) and
 * `/metrics` for Prometheus. Built without listening so tests can `inject`.
 */
export function buildOpsServer(opts: OpsServerOptions): FastifyInstance {
  const app = Fastify({ logger: false });
  registerOpsRoutes(app, opts);
  return app;
}

/** The same three routes on an existing server (the gateway serves them beside its API). */
export function registerOpsRoutes(app: FastifyInstance, opts: OpsServerOptions): void {
  const timeoutMs = opts.checkTimeoutMs ?? 2_000;

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    const entries = await Promise.all(
      Object.entries(opts.checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), timeoutMs, `${name} did not answer within ${timeoutMs} ms`);
          return [name, { ok: true }] as const;
        } catch (err) {
          return [name, { ok: false, error: (err as Error).message }] as const;
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    const ready = entries.every(([, r]) => r.ok);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });

  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', opts.metrics.registry.contentType);
    return opts.metrics.registry.metrics();
  });
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
