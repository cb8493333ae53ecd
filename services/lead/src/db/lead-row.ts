import type { Lead } from '@soraaya/contracts';
import type { LeadFields } from '../domain/lead-fields';

/** camelCase field → column, for every column a write may set. */
export const FIELD_COLUMNS: Record<keyof LeadFields | 'status' | 'score' | 'scoreFactors' | 'followUpCount' | 'lastContactedAt', string> = {
  contactPerson: 'contact_person',
  phoneRaw: 'phone_raw',
  phoneE164: 'phone_e164',
  email: 'email',
  propertyName: 'property_name',
  propertyType: 'property_type',
  location: 'location',
  priceRange: 'price_range',
  priceMinInr: 'price_min_inr',
  priceMaxInr: 'price_max_inr',
  priority: 'priority',
  leadSource: 'lead_source',
  timeZone: 'time_zone',
  budgetMinInr: 'budget_min_inr',
  budgetMaxInr: 'budget_max_inr',
  purchaseTimeline: 'purchase_timeline',
  financingStatus: 'financing_status',
  decisionMakerRole: 'decision_maker_role',
  propertyPreferences: 'property_preferences',
  campaignId: 'campaign_id',
  personaId: 'persona_id',
  assignedUserId: 'assigned_user_id',
  callbackAt: 'callback_at',
  notes: 'notes',
  status: 'status',
  score: 'score',
  scoreFactors: 'score_factors',
  followUpCount: 'follow_up_count',
  lastContactedAt: 'last_contacted_at',
};

export const JSON_FIELDS = new Set(['propertyPreferences', 'scoreFactors']);

/** The select list every lead read uses. */
export const LEAD_SELECT = `id, tenant_id, contact_person, phone_raw, phone_e164, email, property_name, property_type, location,
  price_range, price_min_inr, price_max_inr, status, priority, lead_source, time_zone, score, score_factors,
  budget_min_inr, budget_max_inr, purchase_timeline, financing_status, decision_maker_role, property_preferences,
  campaign_id, persona_id, assigned_user_id, follow_up_count, callback_at, last_contacted_at, last_activity_at, notes, import_id,
  created_at, updated_at, version`;

export interface LeadRow {
  id: string;
  tenant_id: string;
  contact_person: string;
  phone_raw: string;
  phone_e164: string;
  email: string | null;
  property_name: string | null;
  property_type: Lead['propertyType'];
  location: string | null;
  price_range: string | null;
  price_min_inr: number | null;
  price_max_inr: number | null;
  status: Lead['status'];
  priority: Lead['priority'];
  lead_source: string;
  time_zone: string;
  score: number;
  score_factors: Lead['scoreFactors'];
  budget_min_inr: number | null;
  budget_max_inr: number | null;
  purchase_timeline: Lead['purchaseTimeline'];
  financing_status: Lead['financingStatus'];
  decision_maker_role: string | null;
  property_preferences: Lead['propertyPreferences'];
  campaign_id: string | null;
  persona_id: string | null;
  assigned_user_id: string | null;
  follow_up_count: number;
  callback_at: Date | null;
  last_contacted_at: Date | null;
  last_activity_at: Date;
  notes: string | null;
  import_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function rowToLead(r: LeadRow): Lead {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    contactPerson: r.contact_person,
    phoneRaw: r.phone_raw,
    phoneE164: r.phone_e164,
    email: r.email,
    propertyName: r.property_name,
    propertyType: r.property_type,
    location: r.location,
    priceRange: r.price_range,
    priceMinInr: r.price_min_inr,
    priceMaxInr: r.price_max_inr,
    status: r.status,
    priority: r.priority,
    leadSource: r.lead_source,
    timeZone: r.time_zone,
    score: r.score,
    scoreFactors: r.score_factors,
    budgetMinInr: r.budget_min_inr,
    budgetMaxInr: r.budget_max_inr,
    purchaseTimeline: r.purchase_timeline,
    financingStatus: r.financing_status,
    decisionMakerRole: r.decision_maker_role,
    propertyPreferences: r.property_preferences,
    campaignId: r.campaign_id,
    personaId: r.persona_id,
    assignedUserId: r.assigned_user_id,
    followUpCount: r.follow_up_count,
    callbackAt: iso(r.callback_at),
    lastContactedAt: iso(r.last_contacted_at),
    lastActivityAt: r.last_activity_at.toISOString(),
    notes: r.notes,
    importId: r.import_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}
