import type { LeadPriority, LeadStatus } from '../api/api.types';

/** Status names as the sales team says them. */
export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  to_call: 'To call',
  calling: 'Calling',
  in_call: 'In call',
  qualified: 'Qualified',
  not_interested: 'Not interested',
  follow_up: 'Follow up',
  callback_requested: 'Callback requested',
  unresponsive: 'Unresponsive',
  human_input_needed: 'Human input needed',
  human_follow_up: 'Human follow-up',
  call_failed: 'Call failed',
};

/** A tone per status: the chip colour family (see styles.scss `.tone-*`). */
export const LEAD_STATUS_TONES: Record<LeadStatus, Tone> = {
  to_call: 'neutral',
  calling: 'info',
  in_call: 'info',
  qualified: 'success',
  not_interested: 'muted',
  follow_up: 'warning',
  callback_requested: 'warning',
  unresponsive: 'muted',
  human_input_needed: 'danger',
  human_follow_up: 'danger',
  call_failed: 'danger',
};

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'muted';

export const PRIORITY_TONES: Record<LeadPriority, Tone> = { high: 'danger', medium: 'warning', low: 'muted' };

/** snake_case enum value to a readable phrase. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '—';
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const rupees = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 1 });
/** ₹ in crores or lakhs, the way Indian real estate is priced. */
export function inr(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value >= 1e7) return `₹${rupees.format(value / 1e7)} Cr`;
  if (value >= 1e5) return `₹${rupees.format(value / 1e5)} L`;
  return `₹${rupees.format(value)}`;
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 1000) / 10}%`;
}

export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** A budget as people say it: one figure when min and max agree, a range otherwise. */
export function budget(min: number | null | undefined, max: number | null | undefined, fallback?: string | null): string {
  if (!min && !max) return fallback ?? '—';
  if (!min || min === max) return inr(max ?? min);
  if (!max) return `from ${inr(min)}`;
  return `${inr(min)} – ${inr(max)}`;
}
