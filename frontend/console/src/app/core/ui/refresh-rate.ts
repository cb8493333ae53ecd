/** The auto-refresh intervals a person may choose, in seconds; 0 turns it off (live events still update pages). */
export const REFRESH_CHOICES = [15, 30, 60, 120, 300, 0] as const;
export type RefreshSeconds = (typeof REFRESH_CHOICES)[number];
/** The product's default: every 30 s (the live feed's own fallback interval too). */
export const DEFAULT_REFRESH_SECONDS: RefreshSeconds = 30;
export const REFRESH_PREFERENCE_KEY = 'refreshSeconds';

/** A stored preference as a valid choice: anything else (missing, edited by hand) is the default. */
export function refreshSecondsOf(preferences: Record<string, unknown> | undefined): RefreshSeconds {
  const v = preferences?.[REFRESH_PREFERENCE_KEY];
  return (REFRESH_CHOICES as readonly unknown[]).includes(v) ? (v as RefreshSeconds) : DEFAULT_REFRESH_SECONDS;
}

export function refreshLabel(seconds: RefreshSeconds): string {
  if (seconds === 0) return 'Off (live updates only)';
  return seconds < 60 ? `Every ${seconds} seconds` : seconds === 60 ? 'Every minute' : `Every ${seconds / 60} minutes`;
}
