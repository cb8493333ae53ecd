import {
  buildAssistant,
  findLeadByPhoneV1,
  type Campaign,
  type Lead,
  type ParsedRequestOf,
  type RequestMeta,
  type ResponseOf,
  type vapiAssistantRequestV1,
} from '@soraaya/contracts';
import { withTenant } from '@soraaya/service-kit';
import { CAMPAIGN_SELECT, rowToCampaign, rowToPersona, type CampaignRow, type PersonaRow } from '../db/rows';
import { chooseInboundAssistant } from '../domain/inbound-assistant';
import type { CampaignDeps } from './deps';
import { findCampaign } from './campaign.commands';
import { findProperties } from './property.commands';

/** Spoken by VAPI when the tenant has no persona to answer with. */
export const NO_ASSISTANT = 'Sorry, no one can take your call right now. Please try again later.';

/**
 * Answers VAPI's `assistant-request` for someone ringing one of the tenant's
 * lines: the caller's lead (when their number is one), the campaign and
 * persona chosen for them, and that persona's script, voice and tools, with
 * metadata that lets every later webhook of the call find the tenant.
 */
export async function answerAssistantRequest(
  deps: CampaignDeps & { companyName: string },
  meta: RequestMeta,
  input: ParsedRequestOf<typeof vapiAssistantRequestV1>,
): Promise<ResponseOf<typeof vapiAssistantRequestV1>> {
  const lead = input.customerNumber ? await callerLead(deps, meta, input.customerNumber) : null;
  const { campaign, persona, properties } = await withTenant(deps.ds, meta.tenantId, async (tx) => {
    const byId = async (id: string | null | undefined): Promise<Campaign | null> => (id ? findCampaign(tx, meta.tenantId, id) : null);
    const leadCampaign = await byId(lead?.campaignId);
    const lineCampaign = await byId(input.defaultCampaignId);
    const active: CampaignRow[] = await tx.query(`select ${CAMPAIGN_SELECT} from campaign.campaigns c where c.tenant_id = $1 and c.status = 'active' order by c.updated_at desc limit 5`, [meta.tenantId]);
    const personas: PersonaRow[] = await tx.query(`select * from campaign.personas where tenant_id = $1 and active`, [meta.tenantId]);
    const choice = chooseInboundAssistant({ leadCampaign, lineCampaign, activeCampaigns: active.map(rowToCampaign), personas: personas.map(rowToPersona) });
    const properties = choice.campaign ? await findProperties(tx, meta.tenantId, choice.campaign.propertyIds.slice(0, 5)) : [];
    return { ...choice, properties };
  });
  if (!persona) return { error: NO_ASSISTANT };
  const metadata: Record<string, string> = {
    tenantId: meta.tenantId,
    direction: 'inbound',
    personaId: persona.id,
    ...(lead ? { leadId: lead.id } : {}),
    ...(campaign ? { campaignId: campaign.id } : {}),
  };
  const { assistant, variableValues } = buildAssistant({
    lead,
    persona,
    properties, // in the campaign's order: the first is the one the agent leads with
    campaignName: campaign?.name ?? '',
    companyName: deps.companyName,
    direction: 'inbound',
    metadata,
  });
  return { assistant, assistantOverrides: { variableValues } };
}

/** The caller's lead; a number the lead service cannot read (withheld, garbled) is simply an unknown caller. */
async function callerLead(deps: CampaignDeps, meta: RequestMeta, phone: string): Promise<Lead | null> {
  try {
    return (await deps.rpc.request(findLeadByPhoneV1, meta, { phone }, { timeoutMs: 2_000 })).lead;
  } catch {
    return null;
  }
}
