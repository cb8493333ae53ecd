import { z } from 'zod';
import { leadPrioritySchema, leadStatusSchema } from '../lead.model';

const isoDateTime = z.iso.datetime({ offset: true });

/** Filters shared by the list, export and bulk selection. */
export const leadFiltersSchema = z
  .object({
    statuses: z.array(leadStatusSchema).max(11).optional(),
    priorities: z.array(leadPrioritySchema).max(3).optional(),
    /** A campaign id, or `none` for leads in no campaign. */
    campaignId: z.union([z.uuid(), z.literal('none')]).optional(),
    importId: z.uuid().optional(),
    /** A user id, or `none` for unassigned leads. */
    assignedUserId: z.union([z.uuid(), z.literal('none')]).optional(),
    /** Free text over name, email, phone, property name and location (3+ characters: the index works on trigrams). */
    search: z.string().trim().min(3, 'must be at least 3 characters').max(200).optional(),
    createdFrom: isoDateTime.optional(),
    createdTo: isoDateTime.optional(),
    scoreMin: z.number().int().min(0).max(100).optional(),
    scoreMax: z.number().int().min(0).max(100).optional(),
  })
  .strict()
  .refine((f) => f.scoreMin === undefined || f.scoreMax === undefined || f.scoreMin <= f.scoreMax, {
    message: 'scoreMin must not exceed scoreMax',
    path: ['scoreMin'],
  })
  .refine((f) => !f.createdFrom || !f.createdTo || f.createdFrom <= f.createdTo, {
    message: 'createdFrom must not be after createdTo',
    path: ['createdFrom'],
  });
export type LeadFilters = z.infer<typeof leadFiltersSchema>;

export const LEAD_SORT_FIELDS = ['createdAt', 'updatedAt', 'score', 'contactPerson', 'lastActivityAt'] as const;
export const leadSortSchema = z
  .object({
    field: z.enum(LEAD_SORT_FIELDS).default('createdAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type LeadSort = z.infer<typeof leadSortSchema>;
