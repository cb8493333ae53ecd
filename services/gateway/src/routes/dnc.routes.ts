import { addDncV1, checkDncV1, listDncV1, removeDncV1 } from '@soraaya/contracts';
import type { RpcClient } from '@soraaya/service-kit';
import { z } from 'zod';
import { q, type ApiRoutes } from '../http/api-route';

export function registerDncRoutes(api: ApiRoutes, rpc: RpcClient): void {
  api.add({
    method: 'GET',
    url: '/api/v1/dnc',
    summary: 'List the do-not-call list',
    tag: 'dnc',
    access: 'dnc:read',
    query: z.object({ limit: q.int().optional(), cursor: z.string().optional() }).strict(),
    response: listDncV1.response,
    handler: ({ query, meta }) => rpc.request(listDncV1, meta, query),
  });
  api.add({
    method: 'GET',
    url: '/api/v1/dnc/check',
    summary: 'Check a number against the do-not-call list',
    tag: 'dnc',
    access: 'dnc:read',
    query: checkDncV1.request,
    response: checkDncV1.response,
    handler: ({ query, meta }) => rpc.request(checkDncV1, meta, query),
  });
  api.add({
    method: 'POST',
    url: '/api/v1/dnc',
    summary: 'Add a number to the do-not-call list',
    tag: 'dnc',
    access: 'dnc:write',
    body: addDncV1.request,
    response: addDncV1.response,
    status: 201,
    handler: ({ body, meta }) => rpc.request(addDncV1, meta, body),
  });
  api.add({
    method: 'DELETE',
    url: '/api/v1/dnc/:phone',
    summary: 'Remove a number from the do-not-call list',
    tag: 'dnc',
    access: 'dnc:write',
    params: removeDncV1.request,
    response: removeDncV1.response,
    handler: ({ params, meta }) => rpc.request(removeDncV1, meta, params),
  });
}
