import { z } from 'zod';
import { defineEndpoint } from '../../rpc';
import { activitySchema, leadSchema, noteSchema } from '../lead.model';
import { leadFiltersSchema, leadSortSchema } from './lead-filters';

const page = {
  limit: z.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().min(1).max(1000).optional(),
};

export const leadPageSchema = z.object({
  items: z.array(leadSchema),
  nextCursor: z.string().nullable(),
  /** Exact when `totalIsExact`; otherwise a lower bound ("10,000+", or "2,000+" for a common search word) to keep big counts cheap. */
  total: z.number().int().nonnegative(),
  totalIsExact: z.boolean(),
});

export const listLeadsV1 = defineEndpoint({
  service: 'lead',
  verb: 'list',
  version: 1,
  request: z
    .object({
      filters: leadFiltersSchema.default({}),
      sort: leadSortSchema.default({ field: 'createdAt', direction: 'desc' }),
      ...page,
    })
    .strict(),
  response: leadPageSchema,
});

export const getLeadV1 = defineEndpoint({
  service: 'lead',
  verb: 'get',
  version: 1,
  request: z
    .object({
      id: z.uuid(),
      /** Leave out timeline and notes when only the lead is needed (the dialer, before every call). */
      withHistory: z.boolean().default(true),
    })
    .strict(),
  response: z.object({
    lead: leadSchema,
    timeline: z.array(activitySchema),
    notes: z.array(noteSchema),
  }),
});

/** The live lead with this phone (unique per tenant), e.g. a caller ringing back; null when none. */
export const findLeadByPhoneV1 = defineEndpoint({
  service: 'lead',
  verb: 'find_by_phone',
  version: 1,
  request: z.object({ phone: z.string().trim().min(3, 'is required').max(40) }).strict(),
  response: z.object({ lead: leadSchema.nullable() }),
});

export const silentLeadsV1 = defineEndpoint({
  service: 'lead',
  verb: 'silent',
  version: 1,
  request: z
    .object({
      hours: z.number().int().min(1).max(24 * 365).default(24),
      ...page,
    })
    .strict(),
  response: leadPageSchema,
});

export const leadCountsV1 = defineEndpoint({
  service: 'lead',
  verb: 'counts',
  version: 1,
  request: z.object({ campaignId: z.uuid().optional() }).strict(),
  response: z.object({
    total: z.number().int().nonnegative(),
    byStatus: z.record(z.string(), z.number().int().nonnegative()),
    byPriority: z.record(z.string(), z.number().int().nonnegative()),
  }),
});

/** Ids of leads matching a filter, a page at a time: how other services stream large selections. */
export const leadIdsPageV1 = defineEndpoint({
  service: 'lead',
  verb: 'ids_page',
  version: 1,
  request: z
    .object({
      filters: leadFiltersSchema.default({}),
      cursor: z.string().min(1).max(1000).optional(),
      pageSize: z.number().int().min(1).max(5000).default(2000),
    })
    .strict(),
  response: z.object({ ids: z.array(z.uuid()), nextCursor: z.string().nullable() }),
});
