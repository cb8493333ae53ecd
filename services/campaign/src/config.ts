import { baseEnvSchema, envBoolean, envPort } from '@soraaya/service-kit';
import { z } from 'zod';

export const campaignConfigSchema = baseEnvSchema.extend({
  HTTP_PORT: envPort.default(3102),
  RUN_MIGRATIONS: envBoolean.default(true),
  /** `{{company.name}}` in the greeting inbound callers hear (the dialer has its own for outbound calls). */
  COMPANY_NAME: z.string().min(1).max(100).default('Soraaya Realty'),
});
export type CampaignConfig = z.infer<typeof campaignConfigSchema>;
