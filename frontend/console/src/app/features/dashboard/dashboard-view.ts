import type { DashboardMetrics, DashboardTrends, Kpi } from '../../core/api/api.types';
import { LEAD_STATUS_LABELS, duration, humanize, percent } from '../../core/ui/labels';

/**
 * What the dashboard shows, from what the gateway answered: plain functions
 * (no Angular), so the wording and the good/bad reading of every change can be
 * tested on their own.
 */
export interface DeltaView {
  direction: 'up' | 'down' | 'flat';
  /** Visible: "+5 (+12%)", "−3.2 pts", "+30s". The sign and the arrow carry the direction; colour only supports it. */
  text: string;
  /** "vs previous 7 days", "vs yesterday", "since 7 days ago". */
  against: string;
  tone: 'good' | 'bad' | 'neutral';
  /** For screen readers: the whole change in words. */
  label: string;
}

export interface KpiCard {
  key: keyof DashboardMetrics['kpis'];
  label: string;
  icon: string;
  value: string;
  /** A line under the value: share, capacity, source breakdown... */
  sub: string | null;
  /** null: no earlier figure to compare with (a live count, or a rate over nothing). */
  delta: DeltaView | null;
  /** A live figure: it has no history. */
  live: boolean;
}

const number = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const MINUS = '−';

/** A figure in its unit; "—" when unknown. */
export function formatValue(value: number | null, unit: Kpi['unit']): string {
  if (value === null) return '—';
  switch (unit) {
    case 'count':
      return number.format(value);
    case 'ratio':
      return percent(value);
    case 'seconds':
      return duration(value);
    case 'usd':
      return usd.format(value);
    case 'per_hour':
      return `${oneDecimal.format(value)} / h`;
  }
}

function signed(text: string, n: number): string {
  return n > 0 ? `+${text}` : n < 0 ? `${MINUS}${text}` : text;
}

/** The change alone, in its unit: points for rates, a relative change beside counts. */
export function formatDelta(k: Pick<Kpi, 'delta' | 'deltaRatio' | 'unit'>): string {
  const d = k.delta ?? 0;
  const abs = Math.abs(d);
  switch (k.unit) {
    case 'count': {
      const rel = k.deltaRatio !== null && d !== 0 ? ` (${signed(`${oneDecimal.format(Math.abs(k.deltaRatio) * 100)}%`, k.deltaRatio)})` : '';
      return signed(number.format(abs), d) + rel;
    }
    case 'ratio':
      return `${signed(oneDecimal.format(abs * 100), d)} pts`;
    case 'seconds':
      return signed(duration(abs), d);
    case 'usd':
      return signed(usd.format(abs), d);
    case 'per_hour':
      return `${signed(oneDecimal.format(abs), d)} / h`;
  }
}

function against(k: Kpi, days: number): string {
  switch (k.compare) {
    case 'previous_period':
      return `vs previous ${days} days`;
    case 'yesterday':
      return 'vs yesterday';
    case 'period_start':
      return `since ${days} days ago`;
    case 'none':
      return '';
  }
}

/** How a KPI moved, and whether that is good news; null when there is nothing to compare. */
export function deltaView(k: Kpi, days: number): DeltaView | null {
  if (k.delta === null || k.compare === 'none') return null;
  const direction = k.delta > 0 ? 'up' : k.delta < 0 ? 'down' : 'flat';
  const tone = direction === 'flat' || k.higherIsBetter === null ? 'neutral' : (direction === 'up') === k.higherIsBetter ? 'good' : 'bad';
  const text = formatDelta(k);
  const vs = against(k, days);
  const words = direction === 'flat' ? 'No change' : `${direction === 'up' ? 'Up' : 'Down'} ${text.replace(/^[+−]/, '')}`;
  return { direction, text, against: vs, tone, label: `${words} ${vs}${tone === 'neutral' ? '' : tone === 'good' ? ', an improvement' : ', a worsening'}` };
}

const CARD_META: Record<keyof DashboardMetrics['kpis'], { label: string; icon: string }> = {
  totalLeads: { label: 'Total leads', icon: 'groups' },
  qualifiedLeads: { label: 'Qualified leads', icon: 'verified' },
  activeCalls: { label: 'Active calls', icon: 'phone_in_talk' },
  conversionRate: { label: 'Conversion rate', icon: 'trending_up' },
  leadsAddedToday: { label: 'Leads added today', icon: 'person_add' },
  callsCompletedToday: { label: 'Calls completed today', icon: 'call_end' },
  averageCallDuration: { label: 'Average call duration', icon: 'timer' },
  humanInterventionRequired: { label: 'Human intervention required', icon: 'support_agent' },
  callSuccessRate: { label: 'Call success rate', icon: 'phone_callback' },
  leadResponseRate: { label: 'Lead response rate', icon: 'record_voice_over' },
  qualifiedPerHour: { label: 'Qualified per hour', icon: 'speed' },
  costPerQualifiedLead: { label: 'Cost per qualified lead', icon: 'payments' },
};

/** The cards in the order of the product spec: headline figures, today, and how efficiently the calling works. */
export const KPI_ROWS: (keyof DashboardMetrics['kpis'])[][] = [
  ['totalLeads', 'qualifiedLeads', 'activeCalls', 'conversionRate'],
  ['leadsAddedToday', 'callsCompletedToday', 'averageCallDuration', 'humanInterventionRequired'],
  ['callSuccessRate', 'leadResponseRate', 'qualifiedPerHour', 'costPerQualifiedLead'],
];

function subLine(m: DashboardMetrics, key: keyof DashboardMetrics['kpis']): string | null {
  const k = m.kpis;
  switch (key) {
    case 'totalLeads':
      return 'Across every status';
    case 'qualifiedLeads':
      return k.qualifiedLeads.share === null ? null : `${percent(k.qualifiedLeads.share)} of all leads`;
    case 'activeCalls':
      return k.activeCalls.capacity === null ? (k.activeCalls.value === null ? null : 'Not dialing now') : `of ${number.format(k.activeCalls.capacity)} lines`;
    case 'conversionRate':
      return 'Qualified of answered calls';
    case 'leadsAddedToday':
      return k.leadsAddedToday.bySource.length ? k.leadsAddedToday.bySource.slice(0, 3).map((s) => `${humanize(s.label)} ${number.format(s.count)}`).join(' · ') : 'No new leads yet today';
    case 'callsCompletedToday':
      return k.callsCompletedToday.successRate === null ? 'No calls yet today' : `${percent(k.callsCompletedToday.successRate)} answered`;
    case 'averageCallDuration':
      return 'Of answered calls';
    case 'humanInterventionRequired':
      return k.humanInterventionRequired.openNotifications === null ? null : `${number.format(k.humanInterventionRequired.openNotifications)} open notifications`;
    case 'callSuccessRate':
      return 'Calls answered';
    case 'leadResponseRate':
      return 'Leads who picked up';
    case 'qualifiedPerHour':
      return 'Per hour of calling';
    case 'costPerQualifiedLead':
      return 'Call cost per qualified lead';
    default:
      return null;
  }
}

/** Three rows of four cards. */
export function kpiRows(m: DashboardMetrics): KpiCard[][] {
  const days = dayCount(m.period.from, m.period.to);
  return KPI_ROWS.map((row) =>
    row.map((key) => {
      const k: Kpi = m.kpis[key];
      return { key, ...CARD_META[key], value: formatValue(k.value, k.unit), sub: subLine(m, key), delta: deltaView(k, days), live: k.compare === 'none' };
    }),
  );
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

const SOURCE_NAMES: Record<string, string> = { lead: 'lead', campaign: 'campaign', dialer: 'dialer', intelligence: 'transcript intelligence', notification: 'notification' };

/** A sentence naming the services whose figures are missing, or null when all answered. */
export function partialNotice(partial: readonly string[]): string | null {
  if (!partial.length) return null;
  const names = partial.map((s) => SOURCE_NAMES[s] ?? s);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return `Some figures are missing: the ${list} service${names.length > 1 ? 's' : ''} did not answer in time. They fill in on the next refresh.`;
}

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-IN', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Line chart: conversion rate in % per day (days without answered calls are left out rather than drawn as 0). */
export function conversionSeries(t: DashboardTrends | null): { name: string; series: { name: string; value: number }[] }[] {
  const points = (t?.points ?? []).filter((p) => p.conversionRate !== null);
  return points.length ? [{ name: 'Conversion rate', series: points.map((p) => ({ name: shortDay(p.day), value: Math.round(p.conversionRate! * 1000) / 10 })) }] : [];
}

/** Pie: one slice per status that has leads. */
export function statusSlices(items: { status: keyof typeof LEAD_STATUS_LABELS; count: number }[]): { name: string; value: number }[] {
  return items.filter((i) => i.count > 0).map((i) => ({ name: LEAD_STATUS_LABELS[i.status], value: i.count }));
}

/** Stacked bars per hour of the calling day (hours before the first call and after the last are trimmed). */
export function hourBars(hours: DashboardMetrics['callsByHour']): { name: string; series: { name: string; value: number }[] }[] {
  const used = hours.filter((h) => h.calls > 0).map((h) => h.hour);
  if (!used.length) return [];
  const from = Math.min(...used);
  const to = Math.max(...used);
  return hours
    .filter((h) => h.hour >= from && h.hour <= to)
    .map((h) => ({
      name: `${String(h.hour).padStart(2, '0')}:00`,
      series: [
        { name: 'Answered', value: h.answered },
        { name: 'Not answered', value: h.calls - h.answered },
      ],
    }));
}

/** Grouped bars per source: leads added and leads qualified over the period. */
export function sourceBars(sources: DashboardMetrics['sources']): { name: string; series: { name: string; value: number }[] }[] {
  return sources.slice(0, 8).map((s) => ({
    name: humanize(s.source),
    series: [
      { name: 'Added', value: s.created },
      { name: 'Qualified', value: s.qualified },
    ],
  }));
}

/** Horizontal grouped bars per campaign: connected and qualified leads. */
export function campaignBars(campaigns: DashboardMetrics['campaigns']): { name: string; series: { name: string; value: number }[] }[] {
  return campaigns.slice(0, 10).map((c) => ({
    name: c.name,
    series: [
      { name: 'Connected', value: c.connected },
      { name: 'Qualified', value: c.qualified },
    ],
  }));
}
