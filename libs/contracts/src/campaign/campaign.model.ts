import { z } from 'zod';
import { FINANCING_STATUSES, LEAD_PRIORITIES, PROPERTY_TYPES, PURCHASE_TIMELINES } from '../lead/lead.model';

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'completed', 'archived'] as const;
export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

export const CAMPAIGN_TYPES = ['outbound', 'follow_up', 're_engagement'] as const;

const inr = z.number().int().nonnegative().max(1e13);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
const isoDate = z.iso.date();

export const qualificationCriteriaSchema = z
  .object({
    budgetMinInr: inr.optional(),
    budgetMaxInr: inr.optional(),
    purchaseTimelines: z.array(z.enum(PURCHASE_TIMELINES)).max(4).optional(),
    propertyTypes: z.array(z.enum(PROPERTY_TYPES)).max(10).optional(),
    locations: z.array(z.string().trim().min(1).max(120)).max(30).optional(),
    requireDecisionMaker: z.boolean().optional(),
    financingStatuses: z.array(z.enum(FINANCING_STATUSES)).max(3).optional(),
    customQuestions: z.array(z.string().trim().min(3).max(300)).max(20).optional(),
  })
  .strict()
  .refine((c) => c.budgetMinInr === undefined || c.budgetMaxInr === undefined || c.budgetMinInr <= c.budgetMaxInr, {
    message: 'budgetMinInr must not exceed budgetMaxInr',
    path: ['budgetMinInr'],
  });

export type QualificationCriteria = z.infer<typeof qualificationCriteriaSchema>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** When and how often the dialer may call leads of a campaign. */
export const callingPolicySchema = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1).max(7).default(['mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
    windowStart: hhmm.default('09:00'),
    windowEnd: hhmm.default('20:00'),
    /** The window applies in the lead's own time zone (law and manners), or in the campaign's. */
    windowTimeZone: z.enum(['lead', 'campaign']).default('lead'),
    campaignTimeZone: z.string().min(1).max(64).default('Asia/Kolkata'),
    maxAttempts: z.number().int().min(1).max(20).default(3),
    retryDelayMinutes: z
      .object({
        noAnswer: z.number().int().min(5).max(10_080).default(240),
        busy: z.number().int().min(5).max(10_080).default(60),
        voicemail: z.number().int().min(5).max(10_080).default(1440),
        failure: z.number().int().min(5).max(10_080).default(30),
      })
      .strict()
      .default({ noAnswer: 240, busy: 60, voicemail: 1440, failure: 30 }),
    maxConcurrentCalls: z.number().int().min(1).max(200).default(5),
  })
  .strict()
  .refine((p) => p.windowStart < p.windowEnd, { message: 'windowStart must be before windowEnd', path: ['windowStart'] });
export type CallingPolicy = z.infer<typeof callingPolicySchema>;

export const personaVariantSchema = z.object({ personaId: z.uuid(), weight: z.number().int().min(1).max(100) }).strict();

export const campaignSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  type: z.enum(CAMPAIGN_TYPES),
  priority: z.enum(LEAD_PRIORITIES),
  status: campaignStatusSchema,
  qualificationCriteria: qualificationCriteriaSchema,
  callingPolicy: callingPolicySchema,
  personas: z.array(personaVariantSchema),
  /** Property ids in the order the agent presents them. */
  propertyIds: z.array(z.uuid()),
  leadCount: z.number().int().nonnegative(),
  createdBy: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().positive(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignWritableSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(120),
    description: z.string().trim().max(2000).nullish(),
    startDate: isoDate.nullish(),
    endDate: isoDate.nullish(),
    type: z.enum(CAMPAIGN_TYPES).default('outbound'),
    priority: z.enum(LEAD_PRIORITIES).default('medium'),
    qualificationCriteria: qualificationCriteriaSchema.default({}),
    callingPolicy: callingPolicySchema.default(callingPolicySchema.parse({})),
    personas: z
      .array(personaVariantSchema)
      .max(5)
      .refine((v) => new Set(v.map((p) => p.personaId)).size === v.length, 'must not list a persona twice')
      .default([]),
    propertyIds: z
      .array(z.uuid())
      .max(50)
      .refine((v) => new Set(v).size === v.length, 'must not list a property twice')
      .default([]),
  })
  .strict()
  .refine((c) => !c.startDate || !c.endDate || c.startDate <= c.endDate, { message: 'startDate must not be after endDate', path: ['startDate'] });
export type CampaignWritable = z.infer<typeof campaignWritableSchema>;

export const CAMPAIGN_LEAD_STATUSES = ['pending', 'calling', 'contacted', 'qualified', 'not_interested', 'callback', 'human_needed', 'exhausted', 'removed'] as const;

export const campaignLeadSchema = z.object({
  campaignId: z.uuid(),
  leadId: z.uuid(),
  status: z.enum(CAMPAIGN_LEAD_STATUSES),
  priority: z.enum(LEAD_PRIORITIES),
  attempts: z.number().int().nonnegative(),
  personaId: z.uuid().nullable(),
  assignedAt: z.iso.datetime({ offset: true }),
});
export type CampaignLead = z.infer<typeof campaignLeadSchema>;
