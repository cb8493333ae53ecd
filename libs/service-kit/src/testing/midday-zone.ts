/**
 * A fixed-offset IANA zone where it is now between 10:00 and 17:00, so tests and
 * benches that dial find the legal calling window open whenever they run.
 */
export function middayZone(now = new Date()): string {
  const hourUtc = now.getUTCHours();
  for (let offset = -12; offset <= 14; offset++) {
    const local = (hourUtc + offset + 24) % 24;
    if (local >= 10 && local <= 17) return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  }
  return 'Etc/GMT';
}
