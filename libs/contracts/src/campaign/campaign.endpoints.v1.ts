import { z } from 'zod';
import { leadFiltersSchema } from '../lead/endpoints/lead-filters';
import { defineEndpoint } from '../rpc';
import { CAMPAIGN_LEAD_STATUSES, campaignLeadSchema, campaignSchema, campaignStatusSchema, campaignWritableSchema } from './campaign.model';
import { personaChangesSchema, personaSchema, personaWritableSchema } from './persona.model';
import { AVAILABILITY, propertyMatchSchema, propertySchema, propertyWritableSchema } from './property.model';
import { PROPERTY_TYPES } from '../lead/lead.model';

const id = z.object({ id: z.uuid() }).strict();
const reason = z.string().trim().min(3).max(500).optional();

export const listCampaignsV1 = defineEndpoint({
  service: 'campaign',
  verb: 'list',
  version: 1,
  request: z.object({ statuses: z.array(campaignStatusSchema).max(5).optional(), search: z.string().trim().min(1).max(100).optional() }).strict(),
  response: z.object({ items: z.array(campaignSchema) }),
});
export const getCampaignV1 = defineEndpoint({ service: 'campaign', verb: 'get', version: 1, request: id, response: campaignSchema });
export const createCampaignV1 = defineEndpoint({ service: 'campaign', verb: 'create', version: 1, request: campaignWritableSchema, response: campaignSchema });
export const updateCampaignV1 = defineEndpoint({
  service: 'campaign',
  verb: 'update',
  version: 1,
  request: z.object({ id: z.uuid(), version: z.number().int().positive(), changes: z.record(z.string(), z.unknown()) }).strict(),
  response: campaignSchema,
});

/** Lifecycle moves; each answers with the campaign as it now is. */
export const CAMPAIGN_ACTIONS = ['start', 'pause', 'resume', 'stop', 'archive'] as const;
export const campaignActionV1 = defineEndpoint({
  service: 'campaign',
  verb: 'action',
  version: 1,
  request: z.object({ id: z.uuid(), action: z.enum(CAMPAIGN_ACTIONS), reason }).strict(),
  response: campaignSchema,
});
export const cloneCampaignV1 = defineEndpoint({
  service: 'campaign',
  verb: 'clone',
  version: 1,
  request: z.object({ id: z.uuid(), name: z.string().trim().min(1).max(120) }).strict(),
  response: campaignSchema,
});

export const ASSIGN_MAX_IDS = 10_000;
export const assignCampaignLeadsV1 = defineEndpoint({
  service: 'campaign',
  verb: 'assign_leads',
  version: 1,
  request: z
    .object({
      id: z.uuid(),
      /** Either explicit lead ids... */
      leadIds: z.array(z.uuid()).min(1).max(ASSIGN_MAX_IDS).optional(),
      /** ...or every lead matching a filter, streamed page by page however many there are. */
      filters: leadFiltersSchema.optional(),
    })
    .strict()
    .refine((r) => (r.leadIds ? 1 : 0) + (r.filters ? 1 : 0) === 1, { message: 'give exactly one of leadIds or filters', path: ['leadIds'] }),
  response: z.object({ assigned: z.number().int().nonnegative(), alreadyInCampaign: z.number().int().nonnegative(), notFound: z.number().int().nonnegative() }),
});

export const listCampaignLeadsV1 = defineEndpoint({
  service: 'campaign',
  verb: 'list_leads',
  version: 1,
  request: z
    .object({
      id: z.uuid(),
      statuses: z.array(z.enum(CAMPAIGN_LEAD_STATUSES)).max(9).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      /** The last lead id of the previous page. */
      cursor: z.uuid().optional(),
    })
    .strict(),
  response: z.object({ items: z.array(campaignLeadSchema), nextCursor: z.string().nullable() }),
});

export const performanceFiguresSchema = z.object({
  leadsAssigned: z.number().int().nonnegative(),
  dialed: z.number().int().nonnegative(),
  connected: z.number().int().nonnegative(),
  qualified: z.number().int().nonnegative(),
  notInterested: z.number().int().nonnegative(),
  followUp: z.number().int().nonnegative(),
  callbacks: z.number().int().nonnegative(),
  humanNeeded: z.number().int().nonnegative(),
  averageDurationSeconds: z.number().nonnegative(),
  costUsd: z.number().nonnegative(),
  costPerQualifiedLeadUsd: z.number().nonnegative().nullable(),
  /** connected / dialed */
  connectRate: z.number().min(0).max(1).nullable(),
  /** qualified / connected */
  qualificationRate: z.number().min(0).max(1).nullable(),
  /** qualified / leads assigned */
  conversionRate: z.number().min(0).max(1).nullable(),
});
export type PerformanceFigures = z.infer<typeof performanceFiguresSchema>;

export const campaignPerformanceSchema = z.object({
  campaignId: z.uuid(),
  name: z.string(),
  status: campaignStatusSchema,
  totals: performanceFiguresSchema,
  /** Per persona variant, with raw counts so A/B significance can be judged. */
  variants: z.array(z.object({ personaId: z.uuid().nullable(), weight: z.number().int().nullable(), figures: performanceFiguresSchema })),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export const campaignPerformanceV1 = defineEndpoint({ service: 'campaign', verb: 'performance', version: 1, request: id, response: campaignPerformanceSchema });
export const compareCampaignsV1 = defineEndpoint({
  service: 'campaign',
  verb: 'compare',
  version: 1,
  request: z.object({ ids: z.array(z.uuid()).min(1).max(20).optional() }).strict(),
  response: z.object({ items: z.array(campaignPerformanceSchema) }),
});

// --- personas ---
export const listPersonasV1 = defineEndpoint({
  service: 'campaign',
  verb: 'persona_list',
  version: 1,
  request: z.object({ activeOnly: z.boolean().optional() }).strict(),
  response: z.object({ items: z.array(personaSchema) }),
});
export const getPersonaV1 = defineEndpoint({ service: 'campaign', verb: 'persona_get', version: 1, request: id, response: personaSchema });
export const createPersonaV1 = defineEndpoint({ service: 'campaign', verb: 'persona_create', version: 1, request: personaWritableSchema, response: personaSchema });
export const updatePersonaV1 = defineEndpoint({
  service: 'campaign',
  verb: 'persona_update',
  version: 1,
  request: z.object({ id: z.uuid(), version: z.number().int().positive(), changes: personaChangesSchema }).strict(),
  response: personaSchema,
});
export const deletePersonaV1 = defineEndpoint({ service: 'campaign', verb: 'persona_delete', version: 1, request: id, response: z.object({ id: z.uuid() }) });

// --- properties ---
export const listPropertiesV1 = defineEndpoint({
  service: 'campaign',
  verb: 'property_list',
  version: 1,
  request: z
    .object({
      types: z.array(z.enum(PROPERTY_TYPES)).max(7).optional(),
      availability: z.array(z.enum(AVAILABILITY)).max(3).optional(),
      location: z.string().trim().min(2).max(100).optional(),
      priceMaxInr: z.number().int().positive().optional(),
      priceMinInr: z.number().int().nonnegative().optional(),
    })
    .strict(),
  response: z.object({ items: z.array(propertySchema) }),
});
export const getPropertyV1 = defineEndpoint({ service: 'campaign', verb: 'property_get', version: 1, request: id, response: propertySchema });
export const createPropertyV1 = defineEndpoint({ service: 'campaign', verb: 'property_create', version: 1, request: propertyWritableSchema, response: propertySchema });
export const updatePropertyV1 = defineEndpoint({
  service: 'campaign',
  verb: 'property_update',
  version: 1,
  request: z.object({ id: z.uuid(), version: z.number().int().positive(), changes: z.record(z.string(), z.unknown()) }).strict(),
  response: propertySchema,
});
export const deletePropertyV1 = defineEndpoint({ service: 'campaign', verb: 'property_delete', version: 1, request: id, response: z.object({ id: z.uuid() }) });
export const matchPropertiesV1 = defineEndpoint({
  service: 'campaign',
  verb: 'property_match',
  version: 1,
  request: z.object({ leadId: z.uuid(), limit: z.number().int().min(1).max(20).default(5) }).strict(),
  response: z.object({ items: z.array(propertyMatchSchema) }),
});
