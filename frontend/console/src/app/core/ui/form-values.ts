/** Helpers for editors' values, as plain functions (no Angular), shared by the persona, property and settings forms. */

/** Only what changed, for a versioned update (the server lays it over what it has). */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) out[k] = after[k];
  }
  return out;
}

/** A chip typed into a list: trimmed, not empty, not already there (case aside), within the list's limits. */
export function addChip(list: readonly string[], raw: string, limits: { min?: number; max: number; count: number }): { list: string[]; error: string | null } {
  const value = raw.trim();
  if (!value) return { list: [...list], error: null };
  if (value.length < (limits.min ?? 1)) return { list: [...list], error: `Use at least ${limits.min} characters` };
  if (value.length > limits.max) return { list: [...list], error: `Use at most ${limits.max} characters` };
  if (list.some((x) => x.toLowerCase() === value.toLowerCase())) return { list: [...list], error: null };
  if (list.length >= limits.count) return { list: [...list], error: `At most ${limits.count}` };
  return { list: [...list, value], error: null };
}
