import { z } from 'zod';
import { defineEndpoint } from '../../rpc';
import { importCountsSchema } from '../events/lead-import-counts';
import { leadFiltersSchema } from './lead-filters';

/** Lead fields a CSV column can map to. */
export const IMPORT_FIELDS = [
  'contactPerson',
  'phone',
  'email',
  'propertyName',
  'propertyType',
  'location',
  'priceRange',
  'status',
  'priority',
  'leadSource',
  'timeZone',
  'notes',
  'budgetMinInr',
  'budgetMaxInr',
  'purchaseTimeline',
  'financingStatus',
  'decisionMakerRole',
] as const;
export const importFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof importFieldSchema>;

export const importRowIssueSchema = z.object({
  row: z.number().int().positive(),
  column: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportRowIssue = z.infer<typeof importRowIssueSchema>;

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;

export const leadImportSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  totalBytes: z.number().int().nonnegative(),
  bytesRead: z.number().int().nonnegative(),
  counts: importCountsSchema,
  /** Which CSV header fed which lead field. */
  mapping: z.record(z.string(), z.string()),
  error: z.string().nullable(),
  issues: z.array(importRowIssueSchema),
  issuesTotal: z.number().int().nonnegative(),
  createdAt: z.iso.datetime({ offset: true }),
  startedAt: z.iso.datetime({ offset: true }).nullable(),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type LeadImport = z.infer<typeof leadImportSchema>;

export const startLeadImportV1 = defineEndpoint({
  service: 'lead',
  verb: 'import_start',
  version: 1,
  request: z
    .object({
      /** Name of the uploaded file in the `lead_imports` object store bucket. */
      objectName: z.string().min(1).max(300),
      fileName: z.string().trim().min(1).max(300),
      /** Explicit mapping of lead field to CSV header; overrides the automatic one for the fields named. */
      mapping: z.partialRecord(importFieldSchema, z.string().min(1).max(200)).optional(),
    })
    .strict(),
  response: leadImportSchema,
});

export const getLeadImportV1 = defineEndpoint({
  service: 'lead',
  verb: 'import_get',
  version: 1,
  request: z
    .object({
      id: z.uuid(),
      issuesOffset: z.number().int().min(0).default(0),
      issuesLimit: z.number().int().min(0).max(1000).default(200),
    })
    .strict(),
  response: leadImportSchema,
});

export const EXPORT_COLUMNS = [
  'id',
  'contact_person',
  'phone_e164',
  'email',
  'property_name',
  'property_type',
  'location',
  'price_range',
  'status',
  'priority',
  'lead_source',
  'timezone',
  'score',
  'campaign_id',
  'callback_at',
  'last_contacted_at',
  'created_at',
  'notes',
] as const;

/**
 * One page of a CSV export. The caller asks again with `nextCursor` until it is
 * null, writing each chunk as it arrives, so an export of any size streams with
 * bounded memory on both sides.
 */
export const exportLeadsPageV1 = defineEndpoint({
  service: 'lead',
  verb: 'export_page',
  version: 1,
  request: z
    .object({
      filters: leadFiltersSchema.default({}),
      /** Export only these (the console's selection); combined with the filters. */
      ids: z.array(z.uuid()).min(1).max(10_000).optional(),
      cursor: z.string().min(1).max(1000).optional(),
      pageSize: z.number().int().min(1).max(5000).default(2000),
    })
    .strict(),
  response: z.object({ csv: z.string(), rows: z.number().int().nonnegative(), nextCursor: z.string().nullable() }),
});
