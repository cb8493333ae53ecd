import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import metadata from 'libphonenumber-js/metadata.min.json';

export type PhoneResult =
  | { ok: true; e164: string; country: string | null }
  | { ok: false; message: string };

const callingCodeCountries = (metadata as unknown as { country_calling_codes: Record<string, string[]> }).country_calling_codes;

/**
 * Normalises a phone as people type it ("098200 12345", "+91 (982) 001-2345",
 * "91-98200-12345") to E.164, reading numbers without a country code in the
 * tenant's region. Accepts numbers that are *possible* for their country: the
 * metadata's "valid" ranges lag real allocations (and refuse reserved test
 * ranges used in demos), and the dialer learns the truth on the first call.
 */
export function normalizePhone(raw: string, region: string): PhoneResult {
  const text = raw.trim();
  if (!text) return { ok: false, message: 'is required' };
  if (/[a-z]{2,}/i.test(text.replace(/\b(ext|x)\.?\s*\d+$/i, ''))) {
    return { ok: false, message: `"${raw}" is not a phone number` };
  }
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: region as CountryCode, extract: false });
  if (!parsed || !parsed.isPossible()) {
    const digits = text.replace(/\D/g, '').length;
    return { ok: false, message: `"${raw}" is not a possible phone number (${digits} digits) for region ${region} or with its country code` };
  }
  const country = parsed.country ?? callingCodeCountries[parsed.countryCallingCode]?.[0] ?? null;
  return { ok: true, e164: parsed.number, country };
}
