import { baseEnvSchema, envPort } from '@soraaya/service-kit';
import { z } from 'zod';

export const leadConfigSchema = baseEnvSchema.extend({
  HTTP_PORT: envPort.default(3101),
  /** Region for phone numbers written without a country code, when the caller's tenant gives none. */
  DEFAULT_PHONE_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as IN')
    .default('IN'),
  /** A lead with no activity for this long is reported silent. */
  SILENT_AFTER_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24),
  SILENT_SCAN_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(300),
  IMPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(20_000).default(2000),
  IMPORT_WORKERS: z.coerce.number().int().min(1).max(8).default(2),
  RUN_MIGRATIONS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});
export type LeadConfig = z.infer<typeof leadConfigSchema>;
