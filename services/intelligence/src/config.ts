import { baseEnvSchema, envBoolean, envPort } from '@soraaya/service-kit';
import { z as zod } from 'zod';

export const intelligenceConfigSchema = baseEnvSchema.extend({
  HTTP_PORT: envPort.default(3104),
  RUN_MIGRATIONS: envBoolean.default(true),
  /** When set, calls are read by OpenAI (falling back to the offline analyzer when it fails). */
  OPENAI_API_KEY: zod.string().min(20, 'must be an OpenAI API key').optional(),
  OPENAI_BASE_URL: zod.url().optional(),
  OPENAI_MODEL: zod.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: zod.coerce.number().int().min(1000).max(120_000).default(20_000),
  OPENAI_MAX_RETRIES: zod.coerce.number().int().min(0).max(5).default(2),
  /** USD per million tokens, for the cost recorded with each analysis. */
  OPENAI_PRICE_INPUT_PER_MTOK: zod.coerce.number().nonnegative().default(0.15),
  OPENAI_PRICE_OUTPUT_PER_MTOK: zod.coerce.number().nonnegative().default(0.6),
  /** Consecutive OpenAI failures that open the breaker (offline analysis meanwhile), and for how long. */
  OPENAI_BREAKER_FAILURES: zod.coerce.number().int().min(1).default(5),
  OPENAI_BREAKER_COOLDOWN_SECONDS: zod.coerce.number().int().min(1).default(60),
});
export type IntelligenceConfig = zod.infer<typeof intelligenceConfigSchema>;
