import { z } from 'zod';
import { defineEndpoint } from '../../rpc';

export const dncEntrySchema = z.object({
  phoneE164: z.string(),
  reason: z.string().nullable(),
  addedBy: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type DncEntry = z.infer<typeof dncEntrySchema>;

const phone = z.string().trim().min(3, 'is required').max(40);

export const addDncV1 = defineEndpoint({
  service: 'lead',
  verb: 'dnc_add',
  version: 1,
  request: z.object({ phone, reason: z.string().trim().max(500).optional() }).strict(),
  response: dncEntrySchema,
});

export const removeDncV1 = defineEndpoint({
  service: 'lead',
  verb: 'dnc_remove',
  version: 1,
  request: z.object({ phone }).strict(),
  response: z.object({ phoneE164: z.string(), removed: z.boolean() }),
});

export const checkDncV1 = defineEndpoint({
  service: 'lead',
  verb: 'dnc_check',
  version: 1,
  request: z.object({ phone }).strict(),
  response: z.object({ phoneE164: z.string(), blocked: z.boolean(), entry: dncEntrySchema.nullable() }),
});

export const listDncV1 = defineEndpoint({
  service: 'lead',
  verb: 'dnc_list',
  version: 1,
  request: z
    .object({ limit: z.number().int().min(1).max(500).default(100), cursor: z.string().max(200).optional() })
    .strict(),
  response: z.object({ items: z.array(dncEntrySchema), nextCursor: z.string().nullable() }),
});
