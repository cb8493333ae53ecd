import { baseEnvSchema, envBoolean, envPort } from '@soraaya/service-kit';
import type { z } from 'zod';

export const campaignConfigSchema = baseEnvSchema.extend({
  HTTP_PORT: envPort.default(3102),
  RUN_MIGRATIONS: envBoolean.default(true),
});
export type CampaignConfig = z.infer<typeof campaignConfigSchema>;
