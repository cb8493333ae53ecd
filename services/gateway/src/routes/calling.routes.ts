import { campaignActionV1, callingStatusV1, getCampaignV1, listCallsV1, listCampaignsV1, campaignSchema } from '@soraaya/contracts';
import { AppError, ConflictError, type RpcClient } from '@soraaya/service-kit';
import { z } from 'zod';
import { q, type ApiRoutes } from '../http/api-route';
import { leadInScope } from './lead.routes';

/** Calling controls: start or resume a campaign, stop one or all, and the live calling figures. */
export function registerCallingRoutes(api: ApiRoutes, rpc: RpcClient): void {
  api.add({
    method: 'POST',
    url: '/api/v1/calling/start',
    summary: 'Start calling a campaign (start a draft, resume a paused one)',
    tag: 'calling',
    access: 'calling:control',
    body: z.object({ campaignId: z.uuid() }).strict(),
    response: campaignSchema,
    handler: async ({ body, meta }) => {
      const c = await rpc.request(getCampaignV1, meta, { id: body.campaignId });
      if (c.status === 'active') return c;
      if (c.status !== 'draft' && c.status !== 'paused') throw new ConflictError(`Campaign "${c.name}" is ${c.status}; clone it to call its leads again`);
      return rpc.request(campaignActionV1, meta, { id: c.id, action: c.status === 'draft' ? 'start' : 'resume' });
    },
  });
  api.add({
    method: 'POST',
    url: '/api/v1/calling/stop',
    summary: 'Stop calling: pause one campaign, or every active campaign',
    tag: 'calling',
    access: 'calling:control',
    body: z.object({ campaignId: z.uuid().optional(), reason: z.string().trim().min(3).max(500).optional() }).strict().optional(),
    response: z.object({ paused: z.array(z.uuid()) }),
    handler: async ({ body, meta }) => {
      const ids = body?.campaignId ? [body.campaignId] : (await rpc.request(listCampaignsV1, meta, { statuses: ['active'] })).items.map((c) => c.id);
      const paused: string[] = [];
      for (const id of ids) {
        const c = await rpc.request(getCampaignV1, meta, { id });
        if (c.status !== 'active') continue;
        await rpc.request(campaignActionV1, meta, { id, action: 'pause', ...(body?.reason ? { reason: body.reason } : { reason: 'stopped from calling controls' }) });
        paused.push(id);
      }
      return { paused };
    },
  });
  api.add({ method: 'GET', url: '/api/v1/calling/status', summary: 'Live calling figures', tag: 'calling', access: 'campaigns:read', response: callingStatusV1.response, handler: ({ meta }) => rpc.request(callingStatusV1, meta, {}) });
  api.add({
    method: 'GET',
    url: '/api/v1/calls',
    summary: 'Calls of a lead or a campaign',
    tag: 'calling',
    access: 'leads:read',
    query: z.object({ leadId: z.uuid().optional(), campaignId: z.uuid().optional(), limit: q.int().optional() }).strict(),
    response: listCallsV1.response,
    handler: async ({ query, auth, meta }) => {
      if (auth.role === 'agent') {
        // Agents see calls of their own leads only.
        if (!query.leadId) throw new AppError('forbidden', 'Agents list calls of one of their leads: pass leadId');
        await leadInScope(rpc, auth, meta, query.leadId);
      }
      return rpc.request(listCallsV1, meta, { ...query });
    },
  });
}
