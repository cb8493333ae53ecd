import { baseEnvSchema, envBoolean, envPort } from '@soraaya/service-kit';
import { z } from 'zod';
import { parseOutcomeWeights } from './providers/simulator.provider';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

export const dialerConfigSchema = baseEnvSchema
  .extend({
    HTTP_PORT: envPort.default(3103),
    RUN_MIGRATIONS: envBoolean.default(true),
    DIALER_PROVIDER: z.enum(['simulator', 'vapi', 'twilio']).default('simulator'),
    /** Concurrent calls across all of a tenant's campaigns (each campaign also has its own cap). */
    TENANT_MAX_CONCURRENT_CALLS: z.coerce.number().int().min(1).max(1000).default(20),
    /** Provider calls-per-second limit; defaults to 1 for Twilio (its own default), 5 for VAPI, 50 for the simulator. */
    PROVIDER_CALLS_PER_SECOND: z.coerce.number().positive().max(1000).optional(),
    /** The law's hours in the lead's local time. Configurable to narrower hours, never wider. */
    LEGAL_WINDOW_START: hhmm.default('08:00'),
    LEGAL_WINDOW_END: hhmm.default('21:00'),
    MIN_GAP_MINUTES: z.coerce.number().int().min(0).max(10_080).default(30),
    PACER_TICK_MS: z.coerce.number().int().min(10).max(10_000).default(250),
    /** A call with no provider event for this long is ended as failed and its slot freed. */
    CALL_STALE_SECONDS: z.coerce.number().int().min(5).default(900),
    REAPER_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(30),
    COMPANY_NAME: z.string().min(1).max(100).default('Soraaya Realty'),
    BREAKER_WINDOW: z.coerce.number().int().min(2).default(20),
    BREAKER_ERROR_RATE: z.coerce.number().gt(0).max(1).default(0.5),
    BREAKER_COOLDOWN_SECONDS: z.coerce.number().int().min(1).default(60),
    SIMULATOR_WEBHOOK_URL: z.url().default('http://127.0.0.1:8080/webhooks/vapi'),
    SIMULATOR_SPEED: z.coerce.number().min(0).max(10).default(0.05),
    SIMULATOR_OUTCOMES: z
      .string()
      .default('answered:60,no_answer:20,busy:8,voicemail:7,failed:5')
      .transform((s, ctx) => {
        try {
          return parseOutcomeWeights(s);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
    SIMULATOR_SEED: z.coerce.number().int().default(42),
    VAPI_WEBHOOK_AUTH: z.enum(['secret', 'hmac']).default('secret'),
    VAPI_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    VAPI_API_KEY: z.string().min(10).optional(),
    VAPI_PHONE_NUMBER_ID: z.string().min(1).optional(),
    VAPI_ASSISTANT_ID: z.string().min(1).optional(),
    VAPI_BASE_URL: z.url().optional(),
    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(/^AC[0-9a-f]{32}$/, 'must be a Twilio account SID (AC…)')
      .optional(),
    TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
    TWILIO_FROM_NUMBER: z
      .string()
      .regex(/^\+\d{8,15}$/, 'must be an E.164 number')
      .optional(),
    TWILIO_TWIML_URL: z.url().optional(),
    /** Twilio's REST origin; only for a proxy in front of it (or a local fake in tests). */
    TWILIO_API_BASE_URL: z.url().optional(),
    PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:8080'),
  })
  .superRefine((c, ctx) => {
    if (c.LEGAL_WINDOW_START < '08:00')
      ctx.addIssue({ code: 'custom', path: ['LEGAL_WINDOW_START'], message: 'may be made later than 08:00, never earlier' });
    if (c.LEGAL_WINDOW_END > '21:00')
      ctx.addIssue({ code: 'custom', path: ['LEGAL_WINDOW_END'], message: 'may be made earlier than 21:00, never later' });
    if (c.LEGAL_WINDOW_START >= c.LEGAL_WINDOW_END)
      ctx.addIssue({ code: 'custom', path: ['LEGAL_WINDOW_START'], message: 'must be before LEGAL_WINDOW_END' });
    const need = (names: string[]) => {
      for (const n of names)
        if (!(c as Record<string, unknown>)[n])
          ctx.addIssue({ code: 'custom', path: [n], message: `is required when DIALER_PROVIDER=${c.DIALER_PROVIDER}` });
    };
    if (c.DIALER_PROVIDER === 'simulator') need(['VAPI_WEBHOOK_SECRET']);
    if (c.DIALER_PROVIDER === 'vapi') need(['VAPI_API_KEY', 'VAPI_PHONE_NUMBER_ID', 'VAPI_ASSISTANT_ID']);
    if (c.DIALER_PROVIDER === 'twilio') need(['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER', 'TWILIO_TWIML_URL']);
  });
export type DialerConfig = z.infer<typeof dialerConfigSchema>;

export function providerCps(c: DialerConfig): number {
  return c.PROVIDER_CALLS_PER_SECOND ?? { twilio: 1, vapi: 5, simulator: 50 }[c.DIALER_PROVIDER];
}
