import { scriptValues, type Lead, type Persona, type Property, type ScriptContext } from '@soraaya/contracts';

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

/** What the persona's templates are filled from, for this call. */
export function scriptContext(req: PlaceCallRequest): ScriptContext {
  return { lead: req.lead, persona: req.persona, properties: req.properties, campaignName: req.campaignName, companyName: req.companyName };
}

/** Values a persona's templates may use (SCRIPT_VARIABLES in the contracts), for this call. */
export function templateValues(req: PlaceCallRequest): Record<string, string> {
  return scriptValues(scriptContext(req));
}
