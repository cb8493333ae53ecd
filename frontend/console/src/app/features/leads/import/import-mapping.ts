import type { ImportField } from '@soraaya/contracts';

/**
 * The column mapping step of the import wizard: which CSV column feeds which
 * lead field. The server decides (services/lead/src/domain/csv-header-mapping.ts);
 * this is the same rule, run in the browser so the person sees before uploading
 * exactly what the server will apply, and can override it. A copy, because that
 * module pulls zod into the bundle through @soraaya/contracts; import-mapping.spec.ts
 * runs both over the same headers so they cannot drift apart.
 */

/** The lead fields a column can feed, in the order the mapping step lists them (IMPORT_FIELDS). */
export const IMPORT_FIELD_OPTIONS = [
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
] as const satisfies readonly ImportField[];

type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
const _complete: Missing<ImportField, (typeof IMPORT_FIELD_OPTIONS)[number]> = true;
void _complete;

/** A field's name as the console shows it, shared with the add-lead form. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  contactPerson: 'Contact person',
  phone: 'Phone',
  email: 'Email',
  propertyName: 'Property',
  propertyType: 'Property type',
  location: 'Location',
  priceRange: 'Price range',
  status: 'Status',
  priority: 'Priority',
  leadSource: 'Source',
  timeZone: 'Time zone',
  notes: 'Notes',
  budgetMinInr: 'Budget min (₹)',
  budgetMaxInr: 'Budget max (₹)',
  purchaseTimeline: 'Purchase timeline',
  financingStatus: 'Financing',
  decisionMakerRole: 'Decision maker',
};

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['contactPerson', 'phone'];

/** Header spellings the server recognises, compared after lowercasing and dropping non-letters. */
const SYNONYMS: Record<ImportField, string[]> = {
  contactPerson: ['contactperson', 'name', 'fullname', 'contactname', 'leadname', 'customername', 'clientname', 'contact'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilenumber', 'mobileno', 'phoneno', 'contactnumber', 'cell', 'telephone', 'whatsapp'],
  email: ['email', 'emailaddress', 'emailid', 'mail'],
  propertyName: ['propertyname', 'property', 'project', 'projectname', 'listing'],
  propertyType: ['propertytype', 'type', 'unittype', 'configuration'],
  location: ['location', 'area', 'locality', 'address', 'city'],
  priceRange: ['pricerange', 'price', 'budget', 'budgetrange', 'expectedprice', 'cost'],
  status: ['status', 'leadstatus', 'stage'],
  priority: ['priority', 'leadpriority'],
  leadSource: ['leadsource', 'source', 'channel'],
  timeZone: ['timezone', 'tz', 'zone'],
  notes: ['notes', 'note', 'remarks', 'comments', 'comment'],
  budgetMinInr: ['budgetmin', 'budgetminimum', 'minbudget', 'budgetrangemin'],
  budgetMaxInr: ['budgetmax', 'budgetmaximum', 'maxbudget', 'budgetrangemax'],
  purchaseTimeline: ['purchasetimeline', 'timeline', 'buyingtimeline'],
  financingStatus: ['financingstatus', 'financing', 'finance', 'loanstatus'],
  decisionMakerRole: ['decisionmakerrole', 'decisionmaker', 'role'],
};

export type FieldMapping = Partial<Record<ImportField, string>>;

export interface ServerMapping {
  /** lead field → CSV header */
  fields: FieldMapping;
  /** headers that feed no field */
  ignored: string[];
  /** what stops the import before any row is read, in the server's words */
  errors: string[];
}

const squash = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');

/** The mapping the server applies to these headers with this explicit mapping (the same rule as its mapHeaders). */
export function serverMapping(headers: readonly string[], explicit: FieldMapping = {}): ServerMapping {
  const fields: FieldMapping = {};
  const errors: string[] = [];
  const taken = new Set<string>();
  const names = headers.map((h) => h.trim());
  for (const [field, wanted] of Object.entries(explicit) as [ImportField, string][]) {
    const hit = names.find((h) => h === wanted.trim()) ?? names.find((h) => h.toLowerCase() === wanted.trim().toLowerCase());
    if (hit === undefined) {
      errors.push(`mapping for ${field} names column "${wanted}", which the file does not have (columns: ${names.join(', ')})`);
      continue;
    }
    fields[field] = hit;
    taken.add(hit);
  }
  // Field by field, each trying its spellings in order: "budget" feeds priceRange only when no better column is there.
  for (const field of IMPORT_FIELD_OPTIONS) {
    if (fields[field]) continue;
    const hit = SYNONYMS[field].map((s) => names.find((h) => !taken.has(h) && squash(h) === s)).find((h) => h !== undefined);
    if (hit !== undefined) {
      fields[field] = hit;
      taken.add(hit);
    }
  }
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!fields[field]) errors.push(`no column for ${field} (looked for: ${SYNONYMS[field].slice(0, 4).join(', ')}…); pass an explicit mapping`);
  }
  const repeated = names.filter((h, i) => h && names.indexOf(h) !== i);
  if (repeated.length) errors.push(`duplicate column names: ${[...new Set(repeated)].join(', ')}`);
  return { fields, ignored: names.filter((h) => !taken.has(h)), errors };
}

/** Per CSV column (by index): the field the person wants it to feed, or '' for none. */
export type ColumnChoices = readonly (ImportField | '')[];

/** The wizard's starting point: what the server would do on its own. */
export function initialChoices(headers: readonly string[]): (ImportField | '')[] {
  const byHeader = invert(serverMapping(headers).fields);
  const given = new Set<ImportField>();
  // A repeated header name: only its first column takes the field, as the server reads it.
  return headers.map((h) => {
    const field = byHeader.get(h.trim());
    if (!field || given.has(field)) return '';
    given.add(field);
    return field;
  });
}

/** The explicit mapping to send: every column the person pointed at a field. */
export function explicitMapping(headers: readonly string[], choices: ColumnChoices): FieldMapping {
  const out: FieldMapping = {};
  choices.forEach((field, i) => {
    if (field && headers[i]?.trim() && !out[field]) out[field] = headers[i]!.trim();
  });
  return out;
}

export interface ColumnReview {
  header: string;
  /** What the person chose for it. */
  choice: ImportField | '';
  /** What the server will actually feed from it with the explicit mapping sent. */
  effective: ImportField | null;
  /** The server recognised this header on its own (no override). */
  recognised: boolean;
  /** Why the outcome differs from the choice, in words. */
  note: string | null;
}

export interface MappingReview {
  columns: ColumnReview[];
  /** Problems that would stop the import, or that the person must fix first. */
  errors: string[];
  /** The body's `mapping` field: null when the server's own guess is what the person wants. */
  mapping: FieldMapping | null;
}

/**
 * The mapping step's verdict on the person's choices: what each column will
 * feed once the server applies them, and what must be fixed before uploading.
 * The server cannot be told to skip a header it recognises (the API maps fields
 * to columns, never columns to nothing), so such a column is reported as still
 * imported, with the way out.
 */
export function reviewMapping(headers: readonly string[], choices: ColumnChoices): MappingReview {
  const auto = invert(serverMapping(headers).fields);
  const errors: string[] = [];
  const counts = new Map<ImportField, number>();
  for (const c of choices) if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const [field, n] of counts) if (n > 1) errors.push(`${n} columns feed ${IMPORT_FIELD_LABELS[field]}: choose one`);
  for (const field of REQUIRED_IMPORT_FIELDS) if (!counts.has(field)) errors.push(`Choose the column that holds the ${IMPORT_FIELD_LABELS[field].toLowerCase()}: every lead needs one`);

  const sameAsServer = headers.every((h, i) => (choices[i] ?? '') === (auto.get(h.trim()) ?? ''));
  const explicit = explicitMapping(headers, choices);
  const applied = serverMapping(headers, sameAsServer ? {} : explicit);
  for (const e of applied.errors) if (e.startsWith('duplicate column names')) errors.push(`The file repeats a column name (${e.slice('duplicate column names: '.length)}); rename one and upload again`);
  const effective = invert(applied.fields);

  const columns = headers.map((raw, i): ColumnReview => {
    const header = raw.trim();
    const choice = choices[i] ?? '';
    const fed = effective.get(header) ?? null;
    let note: string | null = null;
    if (!choice && fed) note = `The server recognises this header and will still read it as ${IMPORT_FIELD_LABELS[fed]}; rename the column in the file to leave it out`;
    else if (choice && fed !== choice) note = `Another column already feeds ${IMPORT_FIELD_LABELS[choice]}`;
    return { header, choice, effective: fed, recognised: !!auto.get(header) && auto.get(header) === choice, note };
  });
  return { columns, errors: [...new Set(errors)], mapping: sameAsServer ? null : explicit };
}

function invert(fields: FieldMapping): Map<string, ImportField> {
  return new Map((Object.entries(fields) as [ImportField, string][]).map(([f, h]) => [h, f]));
}
