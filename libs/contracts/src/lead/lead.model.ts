import { z } from 'zod';

/** The eleven lead statuses. Allowed moves between them live in the lead service's status machine. */
export const LEAD_STATUSES = [
  'to_call',
  'calling',
  'in_call',
  'qualified',
  'not_interested',
  'follow_up',
  'callback_requested',
  'unresponsive',
  'human_input_needed',
  'human_follow_up',
  'call_failed',
] as const;
export const leadStatusSchema = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof leadStatusSchema>;

export const LEAD_PRIORITIES = ['high', 'medium', 'low'] as const;
export const leadPrioritySchema = z.enum(LEAD_PRIORITIES);
export type LeadPriority = z.infer<typeof leadPrioritySchema>;

export const PROPERTY_TYPES = ['apartment', 'villa', 'penthouse', 'commercial', 'plot', 'townhouse', 'other'] as const;
export const propertyTypeSchema = z.enum(PROPERTY_TYPES);

export const PURCHASE_TIMELINES = ['immediate', '3_months', '6_months', '1_year'] as const;
export const purchaseTimelineSchema = z.enum(PURCHASE_TIMELINES);

export const FINANCING_STATUSES = ['pre_approved', 'needs_financing', 'cash_buyer'] as const;
export const financingStatusSchema = z.enum(FINANCING_STATUSES);

/** Lead sources are open-ended (teams invent their own), but kept to a tidy slug. */
export const leadSourceSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, 'must be a short slug such as csv_import, referral or website');

const isoDateTime = z.iso.datetime({ offset: true });
const inr = z.number().int().nonnegative().max(1e13);

export const scoreFactorSchema = z.object({
  factor: z.enum(['budget_fit', 'timeline', 'financing', 'engagement_recency', 'source']),
  points: z.number().int().min(0),
  max: z.number().int().positive(),
  reason: z.string(),
});
export type ScoreFactor = z.infer<typeof scoreFactorSchema>;

export const propertyPreferencesSchema = z
  .object({
    propertyTypes: z.array(propertyTypeSchema).max(10).optional(),
    locations: z.array(z.string().trim().min(1).max(120)).max(20).optional(),
    bedrooms: z.number().int().min(0).max(20).optional(),
    amenities: z.array(z.string().trim().min(1).max(80)).max(30).optional(),
    notes: z.string().max(2000).optional(),
  })
  .strict();

/** A lead as services and the console see it. */
export const leadSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  contactPerson: z.string(),
  phoneRaw: z.string(),
  phoneE164: z.string(),
  email: z.string().nullable(),
  propertyName: z.string().nullable(),
  propertyType: propertyTypeSchema.nullable(),
  location: z.string().nullable(),
  priceRange: z.string().nullable(),
  priceMinInr: z.number().nullable(),
  priceMaxInr: z.number().nullable(),
  status: leadStatusSchema,
  priority: leadPrioritySchema,
  leadSource: z.string(),
  timeZone: z.string(),
  score: z.number().int().min(0).max(100),
  scoreFactors: z.array(scoreFactorSchema),
  budgetMinInr: z.number().nullable(),
  budgetMaxInr: z.number().nullable(),
  purchaseTimeline: purchaseTimelineSchema.nullable(),
  financingStatus: financingStatusSchema.nullable(),
  decisionMakerRole: z.string().nullable(),
  propertyPreferences: propertyPreferencesSchema.nullable(),
  campaignId: z.uuid().nullable(),
  personaId: z.uuid().nullable(),
  /** The agent who owns the lead; agents see and work only their own leads. */
  assignedUserId: z.uuid().nullable(),
  followUpCount: z.number().int().nonnegative(),
  callbackAt: isoDateTime.nullable(),
  lastContactedAt: isoDateTime.nullable(),
  lastActivityAt: isoDateTime,
  notes: z.string().nullable(),
  importId: z.uuid().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number().int().positive(),
});
export type Lead = z.infer<typeof leadSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullish();
const requiredText = () => z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'is required' : 'must be text') }).trim();

/**
 * Fields a caller may write. Phones arrive as typed by people ("098200 12345",
 * "+91 (982) 001-2345") and are normalised to E.164 by the lead service.
 */
export const leadWritableSchema = z
  .object({
    contactPerson: requiredText().min(1, 'is required').max(200),
    phone: requiredText().min(3, 'is required').max(40),
    email: z
      .email('must be a valid email address')
      .max(254)
      .transform((s) => s.toLowerCase())
      .nullish(),
    propertyName: optionalText(200),
    propertyType: propertyTypeSchema.nullish(),
    location: optionalText(200),
    priceRange: optionalText(100),
    priority: leadPrioritySchema.optional(),
    leadSource: leadSourceSchema.optional(),
    timeZone: z.string().trim().min(1).max(64).nullish(),
    budgetMinInr: inr.nullish(),
    budgetMaxInr: inr.nullish(),
    purchaseTimeline: purchaseTimelineSchema.nullish(),
    financingStatus: financingStatusSchema.nullish(),
    decisionMakerRole: optionalText(120),
    propertyPreferences: propertyPreferencesSchema.nullish(),
    campaignId: z.uuid().nullish(),
    personaId: z.uuid().nullish(),
    assignedUserId: z.uuid().nullish(),
    callbackAt: isoDateTime.nullish(),
    notes: optionalText(5000),
  })
  .strict();
export type LeadWritable = z.infer<typeof leadWritableSchema>;

export const activitySchema = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  kind: z.enum(['created', 'updated', 'status_changed', 'note', 'merged', 'deleted', 'call']),
  summary: z.string(),
  actor: z.object({ type: z.string(), id: z.string(), name: z.string().nullable() }),
  details: z.record(z.string(), z.unknown()),
  occurredAt: isoDateTime,
});
export type Activity = z.infer<typeof activitySchema>;

export const noteSchema = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  body: z.string(),
  authorId: z.string(),
  authorName: z.string().nullable(),
  createdAt: isoDateTime,
});
export type Note = z.infer<typeof noteSchema>;
