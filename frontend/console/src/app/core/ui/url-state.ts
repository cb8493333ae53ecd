/** A comma-separated URL parameter as a list, dropping values not in `allowed`. */
export function listParam<T extends string>(value: string | undefined, allowed: readonly T[]): T[] {
  if (!value) return [];
  return value.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

/** Query params with empty values removed (null tells the router to drop them from the URL). */
export function urlParams(values: Record<string, string | number | string[] | null | undefined>): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) out[k] = v.length ? v.join(',') : null;
    else out[k] = v === '' || v === undefined ? null : v;
  }
  return out;
}

/** The same, for HTTP params (which reject null). */
export function httpParams(values: Record<string, string | number | string[] | null | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(urlParams(values))) if (v !== null) out[k] = v;
  return out;
}
