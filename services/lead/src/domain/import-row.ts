import { leadStatusSchema, leadWritableSchema, type ImportField, type ImportRowIssue, type LeadStatus } from '@soraaya/contracts';
import { parseInrPrice } from './inr-price';
import { normalizeLeadFields, type LeadFields } from './lead-fields';

export interface ImportRowResult {
  row: number;
  ok: boolean;
  fields?: LeadFields;
  status?: LeadStatus;
  issues: ImportRowIssue[];
}

const csvRowSchema = leadWritableSchema.extend({ status: leadStatusSchema.optional() });

const ENUM_FIELDS = new Set<ImportField>(['propertyType', 'priority', 'status', 'purchaseTimeline', 'financingStatus']);
const PROPERTY_TYPE_SYNONYMS: Record<string, string> = {
  flat: 'apartment',
  condo: 'apartment',
  bungalow: 'villa',
  'row house': 'townhouse',
  rowhouse: 'townhouse',
  office: 'commercial',
  shop: 'commercial',
  retail: 'commercial',
  land: 'plot',
};

/**
 * Validates one CSV record into stored lead fields, or says exactly what is
 * wrong with it: every issue names the data row (1 = first row under the
 * header) and the CSV column, using the same rules as the API.
 */
export function validateImportRow(
  record: Record<string, string>,
  row: number,
  mapping: Partial<Record<ImportField, string>>,
  region: string,
): ImportRowResult {
  const issues: ImportRowIssue[] = [];
  const columnOf = (field: string) => (mapping as Record<string, string>)[field] ?? field;
  const candidate: Record<string, unknown> = {};

  for (const [field, column] of Object.entries(mapping) as [ImportField, string][]) {
    let value = (record[column] ?? '').trim();
    if (!value) continue;
    if (ENUM_FIELDS.has(field)) value = value.toLowerCase().replace(/[\s-]+/g, '_');
    if (field === 'propertyType') value = PROPERTY_TYPE_SYNONYMS[value.replace(/_/g, ' ')] ?? value;
    if (field === 'budgetMinInr' || field === 'budgetMaxInr') {
      const price = parseInrPrice(value);
      if (!price.ok) {
        issues.push({ row, column, severity: 'error', message: price.message });
        continue;
      }
      candidate[field] = field === 'budgetMinInr' ? price.minInr : price.maxInr;
      continue;
    }
    candidate[field] = value;
  }
  candidate.leadSource ??= 'csv_import';

  const parsed = csvRowSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const got = field && candidate[field] !== undefined ? ` (got "${String(candidate[field])}")` : '';
      issues.push({ row, column: columnOf(field), severity: 'error', message: `${issue.message}${got}` });
    }
  }
  // Normalise what did parse, so a row with a bad email also reports a bad phone.
  const input = parsed.success ? parsed.data : (candidate as Record<string, never>);
  const { status, ...writable } = input as { status?: LeadStatus } & Record<string, unknown>;
  const normalized = normalizeLeadFields(parsed.success ? writable : pickStrings(writable, ['phone', 'priceRange', 'timeZone']), { region });
  for (const note of normalized.notes) {
    if (note.severity === 'error' && issues.some((i) => i.column === columnOf(note.field))) continue;
    issues.push({ row, column: columnOf(note.field), severity: note.severity, message: note.message });
  }
  const ok = !issues.some((i) => i.severity === 'error');
  if (!ok) return { row, ok, issues };
  const fields = {
    email: null,
    propertyName: null,
    propertyType: null,
    location: null,
    priceRange: null,
    priceMinInr: null,
    priceMaxInr: null,
    priority: 'medium',
    budgetMinInr: null,
    budgetMaxInr: null,
    purchaseTimeline: null,
    financingStatus: null,
    decisionMakerRole: null,
    propertyPreferences: null,
    campaignId: null,
    personaId: null,
    assignedUserId: null,
    callbackAt: null,
    notes: null,
    ...normalized.fields,
  } as LeadFields;
  return { row, ok, fields, status: status ?? 'to_call', issues };
}

function pickStrings(obj: Record<string, unknown>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof obj[k] === 'string') out[k] = obj[k] as string;
  return out;
}
