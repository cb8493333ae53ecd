/**
 * Figures as a person reads them in the PDF, in the tenant's locale: Indian
 * digit grouping for an Indian tenant (1,23,456), money with its symbol (₹, $),
 * a dash for a figure that does not exist (a rate over nothing).
 */
export const NONE = '—';

/** The tenant's locale from its region (IN → en-IN); English with US conventions when Intl does not know it. */
export function reportLocale(region: string): string {
  const candidate = `en-${region.toUpperCase()}`;
  // Intl answers an unknown region with plain English ("en"): then US conventions.
  return new Intl.NumberFormat(candidate).resolvedOptions().locale === candidate ? candidate : 'en-US';
}

export function formatCount(n: number | null, locale: string): string {
  return n === null ? NONE : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A ratio as a percentage with at most one decimal: 0.625 → 62.5%. */
export function formatRate(r: number | null, locale: string): string {
  return r === null ? NONE : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(r);
}

export function formatMoney(amount: number | null, currency: 'USD' | 'INR', locale: string): string {
  return amount === null ? NONE : new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

/** Minutes and seconds, rounded to the second: 125.4 → 2:05. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return NONE;
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A calendar day as written in the locale: 2026-11-01 → 1 Nov 2026 (en-IN). */
export function formatDay(isoDay: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
}

/** An instant on the tenant's clock, with the zone's name: 22 Nov 2026, 12:45 pm IST. */
export function formatInstant(at: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(at);
}
