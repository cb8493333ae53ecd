import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment with a service's schema. Every problem names the
 * variable, so a bad deploy fails at start with a message an operator can fix.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.map(String).join('.') || '(environment)';
    const received = issue.path.length === 1 ? env[String(issue.path[0])] : undefined;
    const shown = received === undefined ? 'not set' : `got ${JSON.stringify(redactSecret(variable, received))}`;
    return `${variable}: ${issue.message} (${shown})`;
  });
  throw new ConfigError(problems);
}

function redactSecret(variable: string, value: string): string {
  if (/SECRET|PASSWORD|TOKEN|KEY/i.test(variable)) return '***';
  return redactUrlPassword(value);
}

/** `postgres://user:pass@host/db` → `postgres://user:***@host/db`, for messages that name a URL. */
export function redactUrlPassword(url: string): string {
  return url.replace(/\/\/([^:/]+):([^@]+)@/, '//$1:***@');
}

/** Boolean env vars: "true/false/1/0/yes/no", anything else is an error naming the variable. */
export const envBoolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envPort = z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535);

/** Variables every service reads. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ message: 'must be a postgres:// URL' }).default('postgres://postgres@127.0.0.1:5432/soraaya'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /** Prefix for streams, subjects and consumers; lets test suites and environments share one NATS. */
  NATS_PREFIX: z
    .string()
    .regex(/^([a-z0-9_]+)?$/, 'must be lowercase letters, digits or _')
    .default(''),
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  NATS_STREAM_MAX_AGE_HOURS: z.coerce.number().int().min(1).default(24 * 7),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  HTTP_HOST: z.string().default('127.0.0.1'),
  /** OTLP/HTTP collector base URL (`/v1/traces` is appended). Unset: tracing is off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/, message: 'must be an http(s):// URL' }).optional(),
  /** `service.name` of the traces; default `soraaya-<service>`. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** Share of new traces kept, 0 to 1 (a sampled parent always keeps its children). */
  OTEL_TRACES_SAMPLE_RATIO: z.coerce.number().min(0).max(1).default(1),
});
export type BaseConfig = z.infer<typeof baseEnvSchema>;

/** For a service's main: the config, or exit 78 (EX_CONFIG) with every bad variable named. */
export function loadConfigOrExit<S extends z.ZodType>(schema: S, service: string, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  try {
    return loadConfig(schema, env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${service}: ${err.message}`);
      process.exit(78);
    }
    throw err;
  }
}
