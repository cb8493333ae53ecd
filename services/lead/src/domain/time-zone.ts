import { getCountry } from 'countries-and-timezones';

export { isValidTimeZone } from '@soraaya/service-kit';

/**
 * For countries spanning several zones, the zone most of their people live in.
 * (The zone database lists a country's zones alphabetically, which would put a
 * US lead in America/Adak.)
 */
const MAIN_ZONE: Record<string, string> = {
  US: 'America/New_York',
  CA: 'America/Toronto',
  MX: 'America/Mexico_City',
  BR: 'America/Sao_Paulo',
  AR: 'America/Argentina/Buenos_Aires',
  CL: 'America/Santiago',
  AU: 'Australia/Sydney',
  NZ: 'Pacific/Auckland',
  RU: 'Europe/Moscow',
  KZ: 'Asia/Almaty',
  CN: 'Asia/Shanghai',
  ID: 'Asia/Jakarta',
  MY: 'Asia/Kuala_Lumpur',
  ES: 'Europe/Madrid',
  PT: 'Europe/Lisbon',
  DE: 'Europe/Berlin',
  GB: 'Europe/London',
  FR: 'Europe/Paris',
  NL: 'Europe/Amsterdam',
  EC: 'America/Guayaquil',
  CD: 'Africa/Kinshasa',
  MN: 'Asia/Ulaanbaatar',
  UA: 'Europe/Kyiv',
  UZ: 'Asia/Tashkent',
  PG: 'Pacific/Port_Moresby',
  KI: 'Pacific/Tarawa',
  FM: 'Pacific/Pohnpei',
  PF: 'Pacific/Tahiti',
  GL: 'America/Nuuk',
};

/**
 * A default zone for a country. `ambiguous` is true when the country spans
 * several zones, so callers report the guess as a warning for a person to confirm.
 */
export function defaultTimeZoneForCountry(country: string | null): { zone: string; ambiguous: boolean } | null {
  if (!country) return null;
  const code = country.toUpperCase();
  const zones = getCountry(code)?.timezones ?? [];
  const zone = MAIN_ZONE[code] ?? zones[0];
  if (!zone) return null;
  return { zone, ambiguous: zones.length > 1 };
}
