import { z } from 'zod';
import { defineEndpoint } from '../rpc';
import { callSchema } from './call.model';

const campaignCounts = z.object({
  campaignId: z.uuid(),
  name: z.string(),
  status: z.string(),
  activeCalls: z.number().int().nonnegative(),
  maxConcurrentCalls: z.number().int().positive(),
  queued: z.number().int().nonnegative(),
  dueNow: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  callsToday: z.number().int().nonnegative(),
});

/** Live calling figures for the console's calling controls. */
export const callingStatusV1 = defineEndpoint({
  service: 'dialer',
  verb: 'status',
  version: 1,
  request: z.object({}).strict(),
  response: z.object({
    activeCalls: z.number().int().nonnegative(),
    tenantCap: z.number().int().positive(),
    campaigns: z.array(campaignCounts),
    recentCalls: z.array(callSchema),
  }),
});

export const listCallsV1 = defineEndpoint({
  service: 'dialer',
  verb: 'list_calls',
  version: 1,
  request: z.object({ leadId: z.uuid().optional(), campaignId: z.uuid().optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  response: z.object({ items: z.array(callSchema) }),
});
