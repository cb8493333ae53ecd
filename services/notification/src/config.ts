import { baseEnvSchema, envBoolean, envPort } from '@soraaya/service-kit';
import { z } from 'zod';

export const notificationConfigSchema = baseEnvSchema
  .extend({
    HTTP_PORT: envPort.default(3105),
    RUN_MIGRATIONS: envBoolean.default(true),
    /** `log` writes each email to the service log (local and demo); `smtp` sends through SMTP_URL. */
    EMAIL_DRIVER: z.enum(['log', 'smtp']).default('log'),
    SMTP_URL: z.url().optional(),
    EMAIL_FROM: z.string().min(3).default('Soraaya <notifications@soraaya.local>'),
    /** `log` writes each SMS to the service log; `twilio` sends through Twilio's Messages API. */
    SMS_DRIVER: z.enum(['log', 'twilio']).default('log'),
    TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-f]{32}$/, 'must be a Twilio account SID (AC…)').optional(),
    TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
    TWILIO_FROM_NUMBER: z.string().regex(/^\+\d{8,15}$/, 'must be an E.164 number').optional(),
    TWILIO_API_BASE_URL: z.url().optional(),
    /** A high-priority notification nobody picked up within this many minutes is escalated to managers. */
    ESCALATION_SLA_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    ESCALATION_SCAN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    /** An import with at least this share of rejected rows raises a data_validation notification. */
    IMPORT_REJECTED_SHARE: z.coerce.number().gt(0).max(1).default(0.2),
    CONSOLE_BASE_URL: z.url().default('http://127.0.0.1:8080'),
  })
  .superRefine((c, ctx) => {
    if (c.EMAIL_DRIVER === 'smtp' && !c.SMTP_URL) ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required when EMAIL_DRIVER=smtp' });
    if (c.SMS_DRIVER === 'twilio')
      for (const n of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER'] as const)
        if (!c[n]) ctx.addIssue({ code: 'custom', path: [n], message: 'is required when SMS_DRIVER=twilio' });
  });
export type NotificationConfig = z.infer<typeof notificationConfigSchema>;
