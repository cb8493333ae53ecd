import {
  LEAD_PRIORITIES,
  LEAD_SORT_FIELDS,
  LEAD_STATUSES,
  addLeadNoteV1,
  bulkUpdateLeadsV1,
  changeLeadStatusV1,
  createLeadV1,
  deleteLeadV1,
  getLeadV1,
  leadCountsV1,
  leadIdsPageV1,
  leadSchema,
  leadWritableSchema,
  listLeadsV1,
  silentLeadsV1,
  updateLeadV1,
  type LeadFilters,
  type RequestMeta,
} from '@soraaya/contracts';
import { NotFoundError, type RpcClient } from '@soraaya/service-kit';
import { z } from 'zod';
import type { AccessClaims } from '../auth/jwt';
import { q, type ApiRoutes } from '../http/api-route';

const idParams = z.object({ id: z.uuid('must be a lead id (uuid)') }).strict();

/** Query parameters of the list and export: the lead filters, spelled for URLs. */
export const leadFilterQuery = {
  status: q.list(z.enum(LEAD_STATUSES)).optional(),
  priority: q.list(z.enum(LEAD_PRIORITIES)).optional(),
  campaignId: z.union([z.uuid(), z.literal('none')]).optional(),
  assignedUserId: z.union([z.uuid(), z.literal('none')]).optional(),
  importId: z.uuid().optional(),
  search: z.string().optional(),
  createdFrom: z.string().optional(),
  createdTo: z.string().optional(),
  scoreMin: q.int().optional(),
  scoreMax: q.int().optional(),
};

export function filtersFromQuery(query: { [K in keyof typeof leadFilterQuery]?: z.output<(typeof leadFilterQuery)[K]> }): LeadFilters {
  const f: Record<string, unknown> = {
    statuses: query.status,
    priorities: query.priority,
    campaignId: query.campaignId,
    assignedUserId: query.assignedUserId,
    importId: query.importId,
    search: query.search,
    createdFrom: query.createdFrom,
    createdTo: query.createdTo,
    scoreMin: query.scoreMin,
    scoreMax: query.scoreMax,
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as LeadFilters;
}

/** Agents see and work only their own leads; everyone else sees the tenant's. */
export function scopeFilters(auth: AccessClaims, filters: LeadFilters): LeadFilters {
  return auth.role === 'agent' ? { ...filters, assignedUserId: auth.sub } : filters;
}

/**
 * The lead a person may act on: for agents, only one assigned to them. Anything
 * else answers 404, exactly like a lead of another tenant: nothing is revealed.
 */
export async function leadInScope(rpc: RpcClient, auth: AccessClaims, meta: RequestMeta, id: string) {
  const detail = await rpc.request(getLeadV1, meta, { id });
  if (auth.role === 'agent' && detail.lead.assignedUserId !== auth.sub) throw new NotFoundError(`Lead ${id} not found`);
  return detail;
}

export function registerLeadRoutes(api: ApiRoutes, rpc: RpcClient): void {
  api.add({
    method: 'GET',
    url: '/api/v1/leads',
    summary: 'List leads',
    tag: 'leads',
    access: 'leads:read',
    query: z
      .object({
        ...leadFilterQuery,
        sort: z
          .string()
          .regex(new RegExp(`^(${LEAD_SORT_FIELDS.join('|')}):(asc|desc)$`), `must be field:direction, field one of ${LEAD_SORT_FIELDS.join(', ')}`)
          .optional(),
        limit: q.int().optional(),
        cursor: z.string().optional(),
      })
      .strict(),
    response: listLeadsV1.response,
    handler: async ({ query, auth, meta, reply }) => {
      const [field, direction] = (query.sort ?? 'createdAt:desc').split(':') as [(typeof LEAD_SORT_FIELDS)[number], 'asc' | 'desc'];
      // The page goes out as the lead service wrote it: parsing, validating and re-serialising
      // 50 leads here cost more than the query. (Typed clients in the tests check the contract.)
      const json = await rpc.requestJson(listLeadsV1, meta, {
        filters: scopeFilters(auth, filtersFromQuery(query)),
        sort: { field, direction },
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return reply.type('application/json').send(json);
    },
  });

  api.add({
    method: 'GET',
    url: '/api/v1/leads/ids',
    summary: 'Ids of the leads matching the filters, a page at a time (the console\'s "select all matching")',
    tag: 'leads',
    access: 'leads:read',
    query: z.object({ ...leadFilterQuery, limit: q.int().optional(), cursor: z.string().optional() }).strict(),
    response: leadIdsPageV1.response,
    handler: ({ query, auth, meta }) => {
      const { limit, cursor, ...filters } = query;
      return rpc.request(leadIdsPageV1, meta, { filters: scopeFilters(auth, filtersFromQuery(filters)), ...(limit !== undefined ? { pageSize: limit } : {}), ...(cursor ? { cursor } : {}) });
    },
  });

  api.add({
    method: 'POST',
    url: '/api/v1/leads',
    summary: 'Create a lead',
    tag: 'leads',
    access: 'leads:write',
    body: createLeadV1.request,
    response: leadSchema,
    status: 201,
    handler: ({ body, meta }) => rpc.request(createLeadV1, meta, body),
  });

  api.add({
    method: 'GET',
    url: '/api/v1/leads/counts',
    summary: 'Lead counts by status and priority',
    tag: 'leads',
    access: 'leads:read',
    query: z.object({ campaignId: z.uuid().optional() }).strict(),
    response: leadCountsV1.response,
    handler: async ({ query, auth, meta }) => {
      if (auth.role === 'agent') {
        // Agents count their own leads: a filtered list total, not the tenant's read model.
        const byStatus: Record<string, number> = {};
        const results = await Promise.all(
          LEAD_STATUSES.map(async (status) => {
            const page = await rpc.request(listLeadsV1, meta, { filters: { statuses: [status], assignedUserId: auth.sub, ...(query.campaignId ? { campaignId: query.campaignId } : {}) }, limit: 1 });
            return [status, page.total] as const;
          }),
        );
        for (const [status, n] of results) if (n) byStatus[status] = n;
        return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus, byPriority: {} };
      }
      return rpc.request(leadCountsV1, meta, query);
    },
  });

  api.add({
    method: 'GET',
    url: '/api/v1/leads/silent',
    summary: 'Leads with no recent activity',
    tag: 'leads',
    access: 'leads:write',
    query: z.object({ hours: q.int().optional(), limit: q.int().optional(), cursor: z.string().optional() }).strict(),
    response: silentLeadsV1.response,
    handler: ({ query, meta }) => rpc.request(silentLeadsV1, meta, query),
  });

  api.add({
    method: 'POST',
    url: '/api/v1/leads/bulk-update',
    summary: 'Change status, priority, campaign or assignee of many leads',
    tag: 'leads',
    access: 'leads:write',
    body: bulkUpdateLeadsV1.request,
    response: bulkUpdateLeadsV1.response,
    handler: ({ body, meta }) => rpc.request(bulkUpdateLeadsV1, meta, body, { timeoutMs: 30_000 }),
  });

  api.add({
    method: 'GET',
    url: '/api/v1/leads/:id',
    summary: 'Get a lead with its timeline and notes',
    tag: 'leads',
    access: 'leads:read',
    params: idParams,
    response: getLeadV1.response,
    handler: ({ params, auth, meta }) => leadInScope(rpc, auth, meta, params.id),
  });

  api.add({
    method: 'PUT',
    url: '/api/v1/leads/:id',
    summary: 'Update a lead',
    tag: 'leads',
    access: 'leads:write',
    params: idParams,
    body: z.object({ version: z.number().int().positive(), changes: leadWritableSchema.partial().strict() }).strict(),
    response: leadSchema,
    handler: ({ params, body, meta }) => rpc.request(updateLeadV1, meta, { id: params.id, ...body }),
  });

  api.add({
    method: 'DELETE',
    url: '/api/v1/leads/:id',
    summary: 'Delete a lead',
    tag: 'leads',
    access: 'leads:write',
    params: idParams,
    query: z.object({ version: q.int().optional() }).strict(),
    response: deleteLeadV1.response,
    handler: ({ params, query, meta }) => rpc.request(deleteLeadV1, meta, { id: params.id, ...(query.version !== undefined ? { version: query.version } : {}) }),
  });

  api.add({
    method: 'PUT',
    url: '/api/v1/leads/:id/status',
    summary: 'Change a lead status',
    tag: 'leads',
    access: 'leads:status',
    params: idParams,
    body: changeLeadStatusV1.request.omit({ id: true }),
    response: leadSchema,
    handler: async ({ params, body, auth, meta }) => {
      await leadInScope(rpc, auth, meta, params.id);
      return rpc.request(changeLeadStatusV1, meta, { ...body, id: params.id });
    },
  });

  api.add({
    method: 'GET',
    url: '/api/v1/leads/:id/notes',
    summary: 'Notes on a lead',
    tag: 'leads',
    access: 'leads:read',
    params: idParams,
    response: getLeadV1.response.shape.notes,
    handler: async ({ params, auth, meta }) => (await leadInScope(rpc, auth, meta, params.id)).notes,
  });

  api.add({
    method: 'POST',
    url: '/api/v1/leads/:id/notes',
    summary: 'Add a note to a lead',
    tag: 'leads',
    access: 'leads:notes',
    params: idParams,
    body: addLeadNoteV1.request.omit({ id: true }),
    response: addLeadNoteV1.response,
    status: 201,
    handler: async ({ params, body, auth, meta }) => {
      await leadInScope(rpc, auth, meta, params.id);
      return rpc.request(addLeadNoteV1, meta, { id: params.id, body: body.body });
    },
  });

  api.add({
    method: 'GET',
    url: '/api/v1/leads/:id/timeline',
    summary: 'Timeline of a lead',
    tag: 'leads',
    access: 'leads:read',
    params: idParams,
    response: getLeadV1.response.shape.timeline,
    handler: async ({ params, auth, meta }) => (await leadInScope(rpc, auth, meta, params.id)).timeline,
  });
}
