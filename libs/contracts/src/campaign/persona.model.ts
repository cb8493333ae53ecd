import { z } from 'zod';
import { changesOf } from '../partial-changes';

export const PERSONA_REGIONS = ['mumbai', 'delhi', 'bangalore', 'pune', 'chennai', 'hyderabad'] as const;
export const PERSONA_ACCENTS = ['indian', 'uk', 'usa'] as const;
export const PERSONA_STYLES = ['formal', 'casual', 'consultative'] as const;

/** Variables a persona's first message and script may use; anything else is refused at save time. */
export const SCRIPT_VARIABLES = [
  'lead.contact_person',
  'lead.first_name',
  'lead.location',
  'lead.property_name',
  'lead.price_range',
  'property.name',
  'property.location',
  'property.type',
  'property.price',
  'campaign.name',
  'persona.name',
  'company.name',
] as const;

export const personaSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  name: z.string(),
  /** One of PERSONA_REGIONS, or a custom region name. */
  region: z.string(),
  accent: z.enum(PERSONA_ACCENTS),
  communicationStyle: z.enum(PERSONA_STYLES),
  voiceProvider: z.string(),
  voiceId: z.string(),
  personalityTraits: z.array(z.string()),
  marketKnowledge: z.string().nullable(),
  firstMessage: z.string(),
  scriptTemplate: z.string(),
  escalationTriggers: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().positive(),
});
export type Persona = z.infer<typeof personaSchema>;

export const personaWritableSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(80),
    region: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z][a-z -]{1,39}$/, 'must be a region name such as mumbai'),
    accent: z.enum(PERSONA_ACCENTS).default('indian'),
    communicationStyle: z.enum(PERSONA_STYLES).default('consultative'),
    voiceProvider: z.enum(['vapi', '11labs', 'playht', 'azure', 'openai', 'deepgram', 'cartesia']).default('vapi'),
    voiceId: z.string().trim().min(1).max(100),
    personalityTraits: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
    marketKnowledge: z.string().trim().max(4000).nullish(),
    firstMessage: z.string().trim().min(1, 'is required').max(600),
    scriptTemplate: z.string().trim().min(1, 'is required').max(20_000),
    escalationTriggers: z.array(z.string().trim().min(2).max(200)).max(20).default([]),
    active: z.boolean().default(true),
  })
  .strict();
export type PersonaWritable = z.infer<typeof personaWritableSchema>;
/** A persona update: only the fields sent, none defaulted (see changesOf). */
export const personaChangesSchema = changesOf(personaWritableSchema);
