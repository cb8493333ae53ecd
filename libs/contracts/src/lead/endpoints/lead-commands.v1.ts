import { z } from 'zod';
import { defineEndpoint } from '../../rpc';
import {
  leadPrioritySchema,
  leadSchema,
  leadStatusSchema,
  leadWritableSchema,
  noteSchema,
} from '../lead.model';

const reason = z.string().trim().min(3, 'must say why (at least 3 characters)').max(1000);

export const createLeadV1 = defineEndpoint({
  service: 'lead',
  verb: 'create',
  version: 1,
  request: leadWritableSchema.extend({ status: leadStatusSchema.optional() }).strict(),
  response: leadSchema,
});

export const updateLeadV1 = defineEndpoint({
  service: 'lead',
  verb: 'update',
  version: 1,
  request: z
    .object({
      id: z.uuid(),
      /** The version the caller last saw; a stale one is refused with 409. */
      version: z.number().int().positive(),
      changes: leadWritableSchema.partial().strict(),
    })
    .strict()
    .refine((r) => Object.keys(r.changes).length > 0, { message: 'must change at least one field', path: ['changes'] }),
  response: leadSchema,
});

export const deleteLeadV1 = defineEndpoint({
  service: 'lead',
  verb: 'delete',
  version: 1,
  request: z.object({ id: z.uuid(), version: z.number().int().positive().optional() }).strict(),
  response: z.object({ id: z.uuid(), deletedAt: z.iso.datetime({ offset: true }) }),
});

export const changeLeadStatusV1 = defineEndpoint({
  service: 'lead',
  verb: 'change_status',
  version: 1,
  request: z
    .object({
      id: z.uuid(),
      status: leadStatusSchema,
      /** Required for manual overrides by a person; recorded on the timeline. */
      reason: reason.optional(),
      expectedVersion: z.number().int().positive().optional(),
      callbackAt: z.iso.datetime({ offset: true }).optional(),
    })
    .strict(),
  response: leadSchema,
});

export const BULK_UPDATE_MAX_IDS = 10_000;

export const bulkUpdateLeadsV1 = defineEndpoint({
  service: 'lead',
  verb: 'bulk_update',
  version: 1,
  request: z
    .object({
      ids: z.array(z.uuid()).min(1).max(BULK_UPDATE_MAX_IDS),
      changes: z
        .object({
          status: leadStatusSchema.optional(),
          priority: leadPrioritySchema.optional(),
          campaignId: z.uuid().nullable().optional(),
          assignedUserId: z.uuid().nullable().optional(),
        })
        .strict()
        .refine((c) => Object.keys(c).length > 0, { message: 'must change at least one of status, priority, campaignId, assignedUserId' }),
      reason: reason.optional(),
    })
    .strict(),
  /**
   * Every id lands in `okIds` or in one failure group. Failures are grouped by reason so
   * that a reply about 10,000 ids stays well under NATS's 1 MB message limit.
   */
  response: z.object({
    updated: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    okIds: z.array(z.uuid()),
    failures: z.array(z.object({ code: z.string(), message: z.string(), ids: z.array(z.uuid()).min(1) })),
  }),
});

export const addLeadNoteV1 = defineEndpoint({
  service: 'lead',
  verb: 'add_note',
  version: 1,
  request: z.object({ id: z.uuid(), body: z.string().trim().min(1, 'is required').max(5000) }).strict(),
  response: noteSchema,
});
