/**
 * Masks phone numbers and email addresses anywhere in a log record, keyed or
 * not: a phone in a free-text message leaks as surely as one in a `phone` field.
 */
const EMAIL = /[A-Z0-9._%+-]+@([A-Z0-9-]+\.)+[A-Z]{2,}/gi;
// Runs of digits with phone punctuation, not glued to letters or dashes (keeps uuids and ISO times intact).
const PHONE_LIKE = /(?<![\w-])\+?\(?\d[\d ().-]{6,}\d(?![\w-])/g;
const PHONE_KEYS = /^(phone|phoneE164|phoneRaw|phone_e164|phone_raw|to|from|customerNumber|number)$/i;

export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email[0] ?? ''}***${email.slice(at)}`;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${phone.trim().startsWith('+') ? '+' : ''}***${digits.slice(-2)}`;
}

export function redactText(text: string): string {
  return text.replace(EMAIL, maskEmail).replace(PHONE_LIKE, (match) => {
    const digits = match.replace(/\D/g, '').length;
    return digits >= 9 ? maskPhone(match) : match;
  });
}

export function redactPii(value: unknown, key = '', depth = 0): unknown {
  if (depth > 8) return value;
  if (typeof value === 'string') return PHONE_KEYS.test(key) ? maskPhone(value) : redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactPii(v, key, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: redactText(value.message), stack: value.stack && redactText(value.stack), ...redactFields(value, depth) };
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return redactFields(value as Record<string, unknown>, depth);
  }
  return value;
}

function redactFields(obj: object, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = redactPii(v, k, depth + 1);
  return out;
}
