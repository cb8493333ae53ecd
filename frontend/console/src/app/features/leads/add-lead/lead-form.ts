import type { LeadPriority, LeadStatus, createLeadV1 } from '@soraaya/contracts';
import type { z } from 'zod';

/**
 * The add-lead form's rules and its conversation with the server, as plain
 * functions (no Angular) with a jest spec. The checks mirror the contract
 * (libs/contracts/src/lead/lead.model.ts leadWritableSchema) so most mistakes
 * are caught while typing; what only the server knows (whether a phone is a
 * real number, a duplicate) comes back from it and is shown on the field.
 */
export type CreateLeadBody = z.input<(typeof createLeadV1)['request']>;

export const LEAD_FORM_FIELDS = [
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
] as const;
export type LeadFormField = (typeof LEAD_FORM_FIELDS)[number];

/** The contract's property types (lead.model.ts PROPERTY_TYPES), listed here so no zod reaches the bundle. */
export const PROPERTY_TYPES = ['apartment', 'villa', 'penthouse', 'commercial', 'plot', 'townhouse', 'other'] as const satisfies readonly NonNullable<CreateLeadBody['propertyType']>[];

export interface LeadFormValue {
  contactPerson: string;
  phone: string;
  email: string;
  propertyName: string;
  propertyType: string;
  location: string;
  priceRange: string;
  status: LeadStatus;
  priority: LeadPriority;
  leadSource: string;
  timeZone: string;
  notes: string;
}

export const EMPTY_LEAD_FORM: LeadFormValue = {
  contactPerson: '',
  phone: '',
  email: '',
  propertyName: '',
  propertyType: '',
  location: '',
  priceRange: '',
  status: 'to_call',
  priority: 'medium',
  leadSource: 'manual',
  timeZone: '',
  notes: '',
};

/** The contract's length bounds (after trimming). */
export const MAX_LENGTH: Partial<Record<LeadFormField, number>> = {
  contactPerson: 200,
  phone: 40,
  email: 254,
  propertyName: 200,
  location: 200,
  priceRange: 100,
  leadSource: 50,
  timeZone: 64,
  notes: 5000,
};

// zod's email check (z.email()), so the browser refuses what the server would.
const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const SOURCE = /^[a-z0-9][a-z0-9_-]{0,49}$/;

/** The message for one field's value, or null when the contract accepts it. */
export function leadFieldError(field: LeadFormField, raw: string): string | null {
  const value = raw.trim();
  if (field === 'contactPerson' && !value) return 'Enter the contact person\'s name';
  if (field === 'phone') {
    if (!value) return 'Enter a phone number';
    if (value.length < 3) return 'Too short for a phone number';
    if (!/\d/.test(value)) return 'A phone number needs digits';
  }
  const max = MAX_LENGTH[field];
  if (max !== undefined && value.length > max) return `At most ${max.toLocaleString('en-IN')} characters (now ${value.length.toLocaleString('en-IN')})`;
  if (!value) return null;
  if (field === 'email' && !EMAIL.test(value)) return 'Enter an email address such as name@example.in';
  if (field === 'leadSource' && !SOURCE.test(value.toLowerCase())) return 'A short word: letters, digits, - or _ (such as referral or website)';
  if (field === 'timeZone' && !isTimeZone(value)) return 'Not a time zone: choose one such as Asia/Kolkata, or leave it empty';
  return null;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every field's message, for a whole form at once. */
export function leadFormErrors(value: LeadFormValue): Partial<Record<LeadFormField, string>> {
  const out: Partial<Record<LeadFormField, string>> = {};
  for (const f of LEAD_FORM_FIELDS) {
    const e = leadFieldError(f, String(value[f] ?? ''));
    if (e) out[f] = e;
  }
  return out;
}

/** The POST /leads body: trimmed, empty optional fields left out (the server then derives them: time zone from the phone). */
export function createLeadBody(value: LeadFormValue): CreateLeadBody {
  const text = (s: string) => s.trim() || undefined;
  const body: CreateLeadBody = {
    contactPerson: value.contactPerson.trim(),
    phone: value.phone.trim(),
    email: text(value.email),
    propertyName: text(value.propertyName),
    propertyType: (text(value.propertyType) as CreateLeadBody['propertyType']) ?? undefined,
    location: text(value.location),
    priceRange: text(value.priceRange),
    status: value.status,
    priority: value.priority,
    leadSource: text(value.leadSource)?.toLowerCase(),
    timeZone: text(value.timeZone),
    notes: text(value.notes),
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as CreateLeadBody;
}

export interface CreateLeadRefusal {
  /** Field → the server's message for it. */
  fields: Partial<Record<LeadFormField, string>>;
  /** Messages about no field of the form. */
  other: string[];
  /** A lead with this phone exists already (409): the one to offer opening. */
  existingLeadId: string | null;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { issues?: { path?: unknown; message?: unknown }[]; field?: unknown; existingLeadId?: unknown } };
}

/**
 * The server's refusal of a create, field by field. 400/422 carry `issues`
 * with a path ("body.email" from the gateway, "phone" from the lead service);
 * 409 names the field and, for a duplicate phone, the lead that has it.
 * Duck-typed over HttpErrorResponse so this file needs no Angular.
 */
export function createLeadRefusal(err: unknown): CreateLeadRefusal {
  const status = (err as { status?: unknown } | null)?.status;
  const body = ((err as { error?: unknown } | null)?.error ?? null) as ErrorBody | null;
  const message = body?.error?.message ?? (err instanceof Error ? err.message : 'The lead was not saved');
  const details = body?.error?.details;
  const out: CreateLeadRefusal = { fields: {}, other: [], existingLeadId: null };
  if (status === 409) {
    const field = formField(typeof details?.field === 'string' ? details.field : '');
    out.existingLeadId = typeof details?.existingLeadId === 'string' ? details.existingLeadId : null;
    if (field) out.fields[field] = message;
    else out.other.push(message);
    return out;
  }
  const issues = (status === 400 || status === 422) && Array.isArray(details?.issues) ? details.issues : [];
  for (const issue of issues) {
    const text = typeof issue.message === 'string' ? issue.message : 'is not valid';
    const field = formField(typeof issue.path === 'string' ? issue.path : '');
    if (field) out.fields[field] = out.fields[field] ? `${out.fields[field]}; ${text}` : text;
    else out.other.push(typeof issue.path === 'string' && issue.path !== '(root)' ? `${issue.path}: ${text}` : text);
  }
  if (!issues.length) out.other.push(status === 0 ? 'Cannot reach the server; check the connection and try again' : message);
  return out;
}

/** "body.email" or "email" → the form's `email`; anything else → null. */
function formField(path: string): LeadFormField | null {
  const name = path.startsWith('body.') ? path.slice(5) : path;
  return (LEAD_FORM_FIELDS as readonly string[]).includes(name) ? (name as LeadFormField) : null;
}

/** Server messages say "is required"; on a labelled field they read better with the label first. */
export function sentence(label: string, message: string): string {
  return /^(is|must|has|should|needs?)\b/.test(message) ? `${label} ${message}` : message;
}
