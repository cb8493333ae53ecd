import type { Lead, Persona, Property } from '@soraaya/contracts';

/** Everything a provider needs to place one call. */
export interface PlaceCallRequest {
  callId: string;
  tenantId: string;
  campaignId: string;
  campaignName: string;
  leadId: string;
  attempt: number;
  to: string;
  lead: Lead;
  persona: Persona | null;
  properties: Property[];
  companyName: string;
}

/**
 * One interface per telephony provider, chosen by config (DIALER_PROVIDER).
 * Results never come back from placeCall: they arrive later as webhooks through
 * the gateway, exactly as in production.
 */
export interface TelephonyProvider {
  readonly name: string;
  placeCall(req: PlaceCallRequest): Promise<{ providerCallId: string }>;
}

/** Values a persona's templates may use (SCRIPT_VARIABLES in the contracts). */
export function templateValues(req: PlaceCallRequest): Record<string, string> {
  const p = req.properties[0];
  const crore = (inr: number) => `₹${(inr / 1e7).toFixed(inr % 1e7 === 0 ? 0 : 1)} Cr`;
  return {
    'lead.contact_person': req.lead.contactPerson,
    'lead.first_name': req.lead.contactPerson.split(/\s+/)[0] ?? req.lead.contactPerson,
    'lead.location': req.lead.location ?? '',
    'lead.property_name': req.lead.propertyName ?? '',
    'lead.price_range': req.lead.priceRange ?? '',
    'property.name': p?.name ?? req.lead.propertyName ?? '',
    'property.location': p?.location ?? req.lead.location ?? '',
    'property.type': p?.type ?? '',
    'property.price': p ? (p.priceMinInr === p.priceMaxInr ? crore(p.priceMinInr) : `${crore(p.priceMinInr)} to ${crore(p.priceMaxInr)}`) : (req.lead.priceRange ?? ''),
    'campaign.name': req.campaignName,
    'persona.name': req.persona?.name.replace(/\s*\(.*\)$/, '') ?? 'your advisor',
    'company.name': req.companyName,
  };
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/{{\s*([^{}]*?)\s*}}/g, (_m, name: string) => values[name] ?? '');
}
