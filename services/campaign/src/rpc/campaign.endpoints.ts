import {
  assignCampaignLeadsV1,
  campaignActionV1,
  campaignPerformanceV1,
  cloneCampaignV1,
  compareCampaignsV1,
  createCampaignV1,
  createPersonaV1,
  createPropertyV1,
  deletePersonaV1,
  deletePropertyV1,
  getCampaignV1,
  getPersonaV1,
  getPropertyV1,
  listCampaignLeadsV1,
  listCampaignsV1,
  listPersonasV1,
  listPropertiesV1,
  matchPropertiesV1,
  updateCampaignV1,
  updatePersonaV1,
  updatePropertyV1,
  vapiAssistantRequestV1,
} from '@soraaya/contracts';
import { NotFoundError, endpoint, withTenant, type EndpointRegistration } from '@soraaya/service-kit';
import { answerAssistantRequest } from '../commands/assistant-request.command';
import { assignLeads, listCampaignLeads } from '../commands/assign-leads.command';
import { campaignAction, cloneCampaign, createCampaign, getCampaign, listCampaigns, updateCampaign } from '../commands/campaign.commands';
import type { CampaignDeps } from '../commands/deps';
import { createPersona, deletePersona, findPersona, listPersonas, updatePersona } from '../commands/persona.commands';
import { createProperty, deleteProperty, getProperty, listProperties, matchProperties, updateProperty } from '../commands/property.commands';
import { campaignPerformance, compareCampaigns } from '../queries/performance.query';

/** Every request/reply endpoint of the campaign service. */
export function campaignEndpoints(deps: CampaignDeps & { companyName: string }): EndpointRegistration[] {
  return [
    endpoint(vapiAssistantRequestV1, (d, { meta }) => answerAssistantRequest(deps, meta, d)),
    endpoint(listCampaignsV1, (d, { meta }) => listCampaigns(deps, meta, d)),
    endpoint(getCampaignV1, (d, { meta }) => getCampaign(deps, meta, d.id)),
    endpoint(createCampaignV1, (d, { meta }) => createCampaign(deps, meta, d)),
    endpoint(updateCampaignV1, (d, { meta }) => updateCampaign(deps, meta, d)),
    endpoint(campaignActionV1, (d, { meta }) => campaignAction(deps, meta, d)),
    endpoint(cloneCampaignV1, (d, { meta }) => cloneCampaign(deps, meta, d)),
    endpoint(assignCampaignLeadsV1, (d, { meta }) => assignLeads(deps, meta, d)),
    endpoint(listCampaignLeadsV1, (d, { meta }) => listCampaignLeads(deps, meta, d)),
    endpoint(campaignPerformanceV1, (d, { meta }) => campaignPerformance(deps, meta, d.id)),
    endpoint(compareCampaignsV1, (d, { meta }) => compareCampaigns(deps, meta, d.ids)),
    endpoint(listPersonasV1, (d, { meta }) => listPersonas(deps, meta, d)),
    endpoint(getPersonaV1, async (d, { meta }) => {
      const p = await withTenant(deps.ds, meta.tenantId, (tx) => findPersona(tx, meta.tenantId, d.id));
      if (!p) throw new NotFoundError(`Persona ${d.id} not found`);
      return p;
    }),
    endpoint(createPersonaV1, (d, { meta }) => createPersona(deps, meta, d)),
    endpoint(updatePersonaV1, (d, { meta }) => updatePersona(deps, meta, d)),
    endpoint(deletePersonaV1, (d, { meta }) => deletePersona(deps, meta, d)),
    endpoint(listPropertiesV1, (d, { meta }) => listProperties(deps, meta, d)),
    endpoint(getPropertyV1, (d, { meta }) => getProperty(deps, meta, d.id)),
    endpoint(createPropertyV1, (d, { meta }) => createProperty(deps, meta, d)),
    endpoint(updatePropertyV1, (d, { meta }) => updateProperty(deps, meta, d)),
    endpoint(deletePropertyV1, (d, { meta }) => deleteProperty(deps, meta, d)),
    endpoint(matchPropertiesV1, (d, { meta }) => matchProperties(deps, meta, d)),
  ];
}
