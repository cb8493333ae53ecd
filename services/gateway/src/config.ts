import { baseEnvSchema, envBoolean, envPort } from '@soraaya/service-kit';
import { z } from 'zod';

const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789abcdef';

export const gatewayConfigSchema = baseEnvSchema
  .extend({
    PORT: envPort.default(8080),
    /** Host the API listens on; 0.0.0.0 in containers. */
    HOST: z.string().default('127.0.0.1'),
    /** Public URL providers call back on (Twilio signs the full URL it called). */
    PUBLIC_BASE_URL: z.url({ message: 'must be the public https URL of the gateway' }).default('http://127.0.0.1:8080'),
    /** HS256 signing key for access tokens, at least 32 characters. */
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_JWT_SECRET),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    CORS_ORIGINS: z
      .string()
      .default('http://localhost:4200,http://127.0.0.1:4200')
      .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(200 * 1024 * 1024),
    /** Requests per minute per user (per IP before login). */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
    LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).default(900),
    SERVICE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /** Each service's share of a dashboard request: past it, its figures are left out and named in `partial`. */
    DASHBOARD_SERVICE_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(1500),
    /** Each service's share of a report request (a year of calls is read): past it, its figures are left out and named in `partial`. */
    REPORT_SERVICE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(10_000),
    /** How long dashboard answers are cached per tenant and query (events of the tenant refresh them sooner); 0 turns the cache off. */
    DASHBOARD_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(15),
    /** The console build to serve at / (absent in development: the Angular dev server serves it). */
    CONSOLE_DIST_DIR: z.string().default('frontend/dist/console/browser'),
    /** First-start admin of the demo tenant; a random password is generated and printed when unset. */
    SORAAYA_ADMIN_EMAIL: z.email({ message: 'must be an email address' }).default('admin@soraaya.local'),
    SORAAYA_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    SEED_DEMO_TENANT: envBoolean.default(true),
    // --- webhooks ---
    /** How VAPI authenticates its webhooks: a shared secret header, or an HMAC signature. */
    VAPI_WEBHOOK_AUTH: z.enum(['secret', 'hmac']).default('secret'),
    VAPI_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Header carrying the shared secret: `authorization` (Bearer) or the older `x-vapi-secret`. */
    VAPI_SECRET_HEADER: z.string().toLowerCase().default('authorization'),
    VAPI_HMAC_MAX_SKEW_SECONDS: z.coerce.number().int().min(1).default(300),
    TWILIO_AUTH_TOKEN: z.string().min(16, 'must be the Twilio auth token').optional(),
    RUN_MIGRATIONS: envBoolean.default(true),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && c.JWT_SECRET === DEV_JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set to a secret of your own in production' });
    }
  });
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
