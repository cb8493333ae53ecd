const zoneValidity = new Map<string, boolean>();

/**
 * True for IANA names the runtime's ICU knows, including links such as
 * Asia/Calcutta. Answers are remembered: building a DateTimeFormat costs ~80 µs,
 * and an import asks about the same few zones a million times.
 */
export function isValidTimeZone(zone: string): boolean {
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  let valid = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) || zone === 'UTC';
  if (valid) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      valid = false;
    }
  }
  if (zoneValidity.size < 10_000) zoneValidity.set(zone, valid); // bounded: zone names come from user files
  return valid;
}
