import type { Campaign, Persona, Property } from '@soraaya/contracts';

const iso = (d: Date) => d.toISOString();
const day = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10));

export const CAMPAIGN_SELECT = `c.*, (select count(*) from campaign.campaign_leads cl where cl.campaign_id = c.id and cl.status <> 'removed')::int as lead_count`;

export interface CampaignRow {
  id: string;
  tenant_id: string;
  name: string;
  description: string | null;
  start_date: Date | string | null;
  end_date: Date | string | null;
  type: Campaign['type'];
  priority: Campaign['priority'];
  status: Campaign['status'];
  qualification_criteria: Campaign['qualificationCriteria'];
  calling_policy: Campaign['callingPolicy'];
  persona_variants: Campaign['personas'];
  property_ids: string[];
  lead_count: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export function rowToCampaign(r: CampaignRow): Campaign {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    name: r.name,
    description: r.description,
    startDate: day(r.start_date),
    endDate: day(r.end_date),
    type: r.type,
    priority: r.priority,
    status: r.status,
    qualificationCriteria: r.qualification_criteria,
    callingPolicy: r.calling_policy,
    personas: r.persona_variants,
    propertyIds: r.property_ids,
    leadCount: r.lead_count,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

export interface PersonaRow {
  id: string;
  tenant_id: string;
  name: string;
  region: string;
  accent: Persona['accent'];
  communication_style: Persona['communicationStyle'];
  voice_provider: string;
  voice_id: string;
  personality_traits: string[];
  market_knowledge: string | null;
  first_message: string;
  script_template: string;
  escalation_triggers: string[];
  active: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export function rowToPersona(r: PersonaRow): Persona {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    name: r.name,
    region: r.region,
    accent: r.accent,
    communicationStyle: r.communication_style,
    voiceProvider: r.voice_provider,
    voiceId: r.voice_id,
    personalityTraits: r.personality_traits,
    marketKnowledge: r.market_knowledge,
    firstMessage: r.first_message,
    scriptTemplate: r.script_template,
    escalationTriggers: r.escalation_triggers,
    active: r.active,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

export interface PropertyRow {
  id: string;
  tenant_id: string;
  name: string;
  type: Property['type'];
  location: string;
  price_min_inr: number;
  price_max_inr: number;
  amenities: string[];
  specifications: Property['specifications'];
  availability: Property['availability'];
  created_at: Date;
  updated_at: Date;
  version: number;
}

export function rowToProperty(r: PropertyRow): Property {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    name: r.name,
    type: r.type,
    location: r.location,
    priceMinInr: r.price_min_inr,
    priceMaxInr: r.price_max_inr,
    amenities: r.amenities,
    specifications: r.specifications,
    availability: r.availability,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}
