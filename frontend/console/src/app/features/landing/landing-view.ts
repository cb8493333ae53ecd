/** One sample call as public/samples/sample-calls.json holds it (written by scripts/make-sample-calls.sh). */
export interface SampleTurn {
  speaker: 'agent' | 'lead';
  text: string;
  /** Seconds from the start of the recording. */
  at: number;
}
export interface SampleCall {
  id: string;
  title: string;
  summary: string;
  audio: string;
  durationSeconds: number;
  turns: SampleTurn[];
}

/** m:ss for a transcript's time marks. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The turn being spoken at `time` (the last one started), or -1 before the first. */
export function activeTurn(turns: readonly SampleTurn[], time: number): number {
  let found = -1;
  turns.forEach((t, i) => {
    if (t.at <= time) found = i;
  });
  return found;
}

/** A phone number a person would type: digits with spaces, dashes, dots or brackets, an optional leading +; 7 to 15 digits. */
export function isPhone(value: string): boolean {
  const v = value.trim();
  if (!/^\+?[\d\s\-().]+$/.test(v)) return false;
  const digits = v.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/** The samples file, checked enough that a bad one shows an empty list instead of breaking the page. */
export function parseSampleCalls(value: unknown): SampleCall[] {
  const calls = (value as { calls?: unknown } | null)?.calls;
  if (!Array.isArray(calls)) return [];
  return calls.filter((c): c is SampleCall => !!c && typeof c.id === 'string' && typeof c.audio === 'string' && Array.isArray(c.turns));
}
