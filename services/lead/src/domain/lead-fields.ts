import type { Lead, LeadWritable } from '@soraaya/contracts';
import { parseInrPrice } from './inr-price';
import { normalizePhone } from './phone-number';
import { defaultTimeZoneForCountry, isValidTimeZone } from './time-zone';

/** The stored form of the writable fields (phone split into raw and E.164, price into rupees). */
export type LeadFields = Pick<
  Lead,
  | 'contactPerson'
  | 'phoneRaw'
  | 'phoneE164'
  | 'email'
  | 'propertyName'
  | 'propertyType'
  | 'location'
  | 'priceRange'
  | 'priceMinInr'
  | 'priceMaxInr'
  | 'priority'
  | 'leadSource'
  | 'timeZone'
  | 'budgetMinInr'
  | 'budgetMaxInr'
  | 'purchaseTimeline'
  | 'financingStatus'
  | 'decisionMakerRole'
  | 'propertyPreferences'
  | 'campaignId'
  | 'personaId'
  | 'assignedUserId'
  | 'callbackAt'
  | 'notes'
>;

export interface FieldNote {
  field: keyof LeadWritable;
  severity: 'error' | 'warning';
  message: string;
}

export interface NormalizeContext {
  /** Region for phones written without a country code. */
  region: string;
  /** The lead's zone today, on update; a new phone does not silently move a lead's zone. */
  existingTimeZone?: string;
}

const PASS_THROUGH = [
  'contactPerson',
  'email',
  'propertyName',
  'propertyType',
  'location',
  'priority',
  'leadSource',
  'budgetMinInr',
  'budgetMaxInr',
  'purchaseTimeline',
  'financingStatus',
  'decisionMakerRole',
  'propertyPreferences',
  'campaignId',
  'personaId',
  'assignedUserId',
  'callbackAt',
  'notes',
] as const;

/**
 * Turns validated input into stored fields: phone to E.164, price text to
 * rupees, time zone checked or derived from the phone's country. Fields absent
 * from the input stay absent (update semantics); `null` clears.
 */
export function normalizeLeadFields(input: Partial<LeadWritable>, ctx: NormalizeContext): { fields: Partial<LeadFields>; notes: FieldNote[] } {
  const fields: Partial<LeadFields> = {};
  const notes: FieldNote[] = [];
  const out = fields as Record<string, unknown>;
  for (const key of PASS_THROUGH) if (input[key] !== undefined) out[key] = input[key] ?? null;

  let phoneCountry: string | null = null;
  if (input.phone !== undefined) {
    const phone = normalizePhone(input.phone, ctx.region);
    if (phone.ok) {
      fields.phoneRaw = input.phone;
      fields.phoneE164 = phone.e164;
      phoneCountry = phone.country;
    } else {
      notes.push({ field: 'phone', severity: 'error', message: phone.message });
    }
  }

  if (input.priceRange !== undefined) {
    fields.priceRange = input.priceRange || null;
    if (input.priceRange) {
      const price = parseInrPrice(input.priceRange);
      if (price.ok) {
        fields.priceMinInr = price.minInr;
        fields.priceMaxInr = price.maxInr;
      } else {
        notes.push({ field: 'priceRange', severity: 'error', message: price.message });
      }
    } else {
      fields.priceMinInr = null;
      fields.priceMaxInr = null;
    }
  }

  if (input.timeZone) {
    if (isValidTimeZone(input.timeZone)) fields.timeZone = input.timeZone;
    else notes.push({ field: 'timeZone', severity: 'error', message: `"${input.timeZone}" is not an IANA time zone (e.g. Asia/Kolkata)` });
  } else if (!ctx.existingTimeZone && fields.phoneE164) {
    const derived = defaultTimeZoneForCountry(phoneCountry) ?? defaultTimeZoneForCountry(ctx.region);
    if (derived) {
      fields.timeZone = derived.zone;
      const from = phoneCountry ? `the phone's country (${phoneCountry})` : `the default region (${ctx.region})`;
      notes.push({
        field: 'timeZone',
        severity: 'warning',
        message: `time zone missing; set to ${derived.zone} from ${from}${derived.ambiguous ? ', which spans several zones: please confirm' : ''}`,
      });
    } else {
      notes.push({ field: 'timeZone', severity: 'error', message: 'time zone missing and cannot be derived from the phone; give an IANA zone' });
    }
  }

  const min = input.budgetMinInr;
  const max = input.budgetMaxInr;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    notes.push({ field: 'budgetMinInr', severity: 'error', message: 'budget minimum is above the maximum' });
  }
  return { fields, notes };
}
