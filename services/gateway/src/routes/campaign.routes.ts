import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_LEAD_STATUSES,
  AVAILABILITY,
  PROPERTY_TYPES,
  assignCampaignLeadsV1,
  campaignActionV1,
  campaignPerformanceV1,
  campaignSchema,
  campaignStatusSchema,
  campaignWritableSchema,
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
  personaSchema,
  personaChangesSchema,
  personaWritableSchema,
  propertySchema,
  propertyWritableSchema,
  updateCampaignV1,
  updatePersonaV1,
  updatePropertyV1,
} from '@soraaya/contracts';
import type { RpcClient } from '@soraaya/service-kit';
import { z } from 'zod';
import { idParams, q, type ApiRoutes } from '../http/api-route';
import { filtersFromQuery, leadFilterQuery, scopeFilters } from './lead.routes';

const versioned = <T extends z.ZodType>(changes: T) => z.object({ version: z.number().int().positive(), changes }).strict();

/** Campaigns, agent personas and properties: the campaign service's REST face. */
export function registerCampaignRoutes(api: ApiRoutes, rpc: RpcClient): void {
  api.add({
    method: 'GET',
    url: '/api/v1/campaigns',
    summary: 'List campaigns',
    tag: 'campaigns',
    access: 'campaigns:read',
    query: z.object({ status: q.list(campaignStatusSchema).optional(), search: z.string().trim().min(1).max(100).optional() }).strict(),
    response: listCampaignsV1.response,
    handler: ({ query, meta }) => rpc.request(listCampaignsV1, meta, { ...(query.status ? { statuses: query.status } : {}), ...(query.search ? { search: query.search } : {}) }),
  });
  api.add({ method: 'POST', url: '/api/v1/campaigns', summary: 'Create a campaign', tag: 'campaigns', access: 'campaigns:write', body: campaignWritableSchema, response: campaignSchema, status: 201, handler: ({ body, meta }) => rpc.request(createCampaignV1, meta, body) });
  api.add({
    method: 'GET',
    url: '/api/v1/campaigns/compare',
    summary: 'Compare campaign performance',
    tag: 'campaigns',
    access: 'campaigns:read',
    query: z.object({ ids: q.list(z.uuid()).optional() }).strict(),
    response: compareCampaignsV1.response,
    handler: ({ query, meta }) => rpc.request(compareCampaignsV1, meta, query.ids ? { ids: query.ids } : {}),
  });
  api.add({ method: 'GET', url: '/api/v1/campaigns/:id', summary: 'Get a campaign', tag: 'campaigns', access: 'campaigns:read', params: idParams, response: campaignSchema, handler: ({ params, meta }) => rpc.request(getCampaignV1, meta, params) });
  api.add({
    method: 'PUT',
    url: '/api/v1/campaigns/:id',
    summary: 'Update a draft or paused campaign',
    tag: 'campaigns',
    access: 'campaigns:write',
    params: idParams,
    body: versioned(z.record(z.string(), z.unknown())),
    response: campaignSchema,
    handler: ({ params, body, meta }) => rpc.request(updateCampaignV1, meta, { id: params.id, ...body }),
  });
  api.add({
    method: 'DELETE',
    url: '/api/v1/campaigns/:id',
    summary: 'Archive a campaign',
    tag: 'campaigns',
    access: 'campaigns:write',
    params: idParams,
    response: campaignSchema,
    handler: ({ params, meta }) => rpc.request(campaignActionV1, meta, { id: params.id, action: 'archive' }),
  });
  for (const action of CAMPAIGN_ACTIONS.filter((a) => a !== 'archive')) {
    api.add({
      method: 'POST',
      url: `/api/v1/campaigns/:id/${action}`,
      summary: `${action[0]!.toUpperCase()}${action.slice(1)} a campaign`,
      tag: 'campaigns',
      access: 'calling:control',
      params: idParams,
      body: z.object({ reason: z.string().trim().min(3).max(500).optional() }).strict().optional(),
      response: campaignSchema,
      handler: ({ params, body, meta }) => rpc.request(campaignActionV1, meta, { id: params.id, action, ...(body?.reason ? { reason: body.reason } : {}) }),
    });
  }
  api.add({
    method: 'POST',
    url: '/api/v1/campaigns/:id/clone',
    summary: 'Clone a campaign',
    tag: 'campaigns',
    access: 'campaigns:write',
    params: idParams,
    body: z.object({ name: z.string().trim().min(1).max(120) }).strict(),
    response: campaignSchema,
    status: 201,
    handler: ({ params, body, meta }) => rpc.request(cloneCampaignV1, meta, { id: params.id, name: body.name }),
  });
  api.add({
    method: 'POST',
    url: '/api/v1/campaigns/:id/assign-leads',
    summary: 'Assign leads by ids or by filter',
    tag: 'campaigns',
    access: 'campaigns:write',
    params: idParams,
    body: z
      .object({ leadIds: z.array(z.uuid()).min(1).max(10_000).optional(), filters: z.object(leadFilterQuery).strict().optional() })
      .strict()
      .refine((b) => (b.leadIds ? 1 : 0) + (b.filters ? 1 : 0) === 1, { message: 'give exactly one of leadIds or filters', path: ['leadIds'] }),
    response: assignCampaignLeadsV1.response,
    handler: ({ params, body, auth, meta }) =>
      rpc.request(assignCampaignLeadsV1, meta, { id: params.id, ...(body.leadIds ? { leadIds: body.leadIds } : { filters: scopeFilters(auth, filtersFromQuery(body.filters!)) }) }, { timeoutMs: 600_000 }),
  });
  api.add({
    method: 'GET',
    url: '/api/v1/campaigns/:id/leads',
    summary: 'Leads of a campaign',
    tag: 'campaigns',
    access: 'campaigns:read',
    params: idParams,
    query: z.object({ status: q.list(z.enum(CAMPAIGN_LEAD_STATUSES)).optional(), limit: q.int().optional(), cursor: z.uuid().optional() }).strict(),
    response: listCampaignLeadsV1.response,
    handler: ({ params, query, meta }) =>
      rpc.request(listCampaignLeadsV1, meta, { id: params.id, ...(query.status ? { statuses: query.status } : {}), ...(query.limit ? { limit: query.limit } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) }),
  });
  api.add({ method: 'GET', url: '/api/v1/campaigns/:id/performance', summary: 'Campaign performance', tag: 'campaigns', access: 'campaigns:read', params: idParams, response: campaignPerformanceV1.response, handler: ({ params, meta }) => rpc.request(campaignPerformanceV1, meta, params) });

  // --- personas ---
  api.add({
    method: 'GET',
    url: '/api/v1/agent-personas',
    summary: 'List agent personas',
    tag: 'personas',
    access: 'campaigns:read',
    query: z.object({ active: z.enum(['true', 'false']).optional() }).strict(),
    response: listPersonasV1.response,
    handler: ({ query, meta }) => rpc.request(listPersonasV1, meta, query.active === 'true' ? { activeOnly: true } : {}),
  });
  api.add({ method: 'POST', url: '/api/v1/agent-personas', summary: 'Create an agent persona', tag: 'personas', access: 'campaigns:write', body: personaWritableSchema, response: personaSchema, status: 201, handler: ({ body, meta }) => rpc.request(createPersonaV1, meta, body) });
  api.add({ method: 'GET', url: '/api/v1/agent-personas/:id', summary: 'Get an agent persona', tag: 'personas', access: 'campaigns:read', params: idParams, response: personaSchema, handler: ({ params, meta }) => rpc.request(getPersonaV1, meta, params) });
  api.add({
    method: 'PUT',
    url: '/api/v1/agent-personas/:id',
    summary: 'Update an agent persona',
    tag: 'personas',
    access: 'campaigns:write',
    params: idParams,
    body: versioned(personaChangesSchema),
    response: personaSchema,
    handler: ({ params, body, meta }) => rpc.request(updatePersonaV1, meta, { id: params.id, ...body }),
  });
  api.add({ method: 'DELETE', url: '/api/v1/agent-personas/:id', summary: 'Delete an unused agent persona', tag: 'personas', access: 'campaigns:write', params: idParams, response: deletePersonaV1.response, handler: ({ params, meta }) => rpc.request(deletePersonaV1, meta, params) });

  // --- properties ---
  api.add({
    method: 'GET',
    url: '/api/v1/properties',
    summary: 'List properties',
    tag: 'properties',
    access: 'campaigns:read',
    query: z
      .object({
        type: q.list(z.enum(PROPERTY_TYPES)).optional(),
        availability: q.list(z.enum(AVAILABILITY)).optional(),
        location: z.string().trim().min(2).max(100).optional(),
        priceMinInr: q.int().optional(),
        priceMaxInr: q.int().optional(),
      })
      .strict(),
    response: listPropertiesV1.response,
    handler: ({ query, meta }) =>
      rpc.request(listPropertiesV1, meta, {
        ...(query.type ? { types: query.type } : {}),
        ...(query.availability ? { availability: query.availability } : {}),
        ...(query.location ? { location: query.location } : {}),
        ...(query.priceMinInr !== undefined ? { priceMinInr: query.priceMinInr } : {}),
        ...(query.priceMaxInr !== undefined ? { priceMaxInr: query.priceMaxInr } : {}),
      }),
  });
  api.add({ method: 'POST', url: '/api/v1/properties', summary: 'Create a property', tag: 'properties', access: 'campaigns:write', body: propertyWritableSchema, response: propertySchema, status: 201, handler: ({ body, meta }) => rpc.request(createPropertyV1, meta, body) });
  api.add({
    method: 'GET',
    url: '/api/v1/properties/match',
    summary: 'Properties matching a lead, with reasons',
    tag: 'properties',
    access: 'campaigns:read',
    query: z.object({ leadId: z.uuid(), limit: q.int().optional() }).strict(),
    response: matchPropertiesV1.response,
    handler: ({ query, meta }) => rpc.request(matchPropertiesV1, meta, { leadId: query.leadId, ...(query.limit ? { limit: query.limit } : {}) }),
  });
  api.add({ method: 'GET', url: '/api/v1/properties/:id', summary: 'Get a property', tag: 'properties', access: 'campaigns:read', params: idParams, response: propertySchema, handler: ({ params, meta }) => rpc.request(getPropertyV1, meta, params) });
  api.add({
    method: 'PUT',
    url: '/api/v1/properties/:id',
    summary: 'Update a property',
    tag: 'properties',
    access: 'campaigns:write',
    params: idParams,
    body: versioned(z.record(z.string(), z.unknown())),
    response: propertySchema,
    handler: ({ params, body, meta }) => rpc.request(updatePropertyV1, meta, { id: params.id, ...body }),
  });
  api.add({ method: 'DELETE', url: '/api/v1/properties/:id', summary: 'Delete a property', tag: 'properties', access: 'campaigns:write', params: idParams, response: deletePropertyV1.response, handler: ({ params, meta }) => rpc.request(deletePropertyV1, meta, params) });
}
