import type { PerformanceFigures } from '@soraaya/contracts';

export interface StatCounters {
  leadsAssigned: number;
  dialed: number;
  connected: number;
  qualified: number;
  notInterested: number;
  followUp: number;
  callbacks: number;
  humanNeeded: number;
  totalDurationSeconds: number;
  costUsd: number;
}

export const ZERO_COUNTERS: StatCounters = {
  leadsAssigned: 0,
  dialed: 0,
  connected: 0,
  qualified: 0,
  notInterested: 0,
  followUp: 0,
  callbacks: 0,
  humanNeeded: 0,
  totalDurationSeconds: 0,
  costUsd: 0,
};

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/**
 * Derived figures from raw counters; rates are null (not 0) when there is nothing
 * to divide by. Events arrive out of order (a call's end can be counted before its
 * start), so each denominator is at least its numerator: a rate never exceeds 1.
 */
export function figuresFrom(c: StatCounters): PerformanceFigures {
  return {
    leadsAssigned: c.leadsAssigned,
    dialed: c.dialed,
    connected: c.connected,
    qualified: c.qualified,
    notInterested: c.notInterested,
    followUp: c.followUp,
    callbacks: c.callbacks,
    humanNeeded: c.humanNeeded,
    averageDurationSeconds: c.connected > 0 ? Math.round((c.totalDurationSeconds / c.connected) * 10) / 10 : 0,
    costUsd: Math.round(c.costUsd * 10_000) / 10_000,
    costPerQualifiedLeadUsd: c.qualified > 0 ? Math.round((c.costUsd / c.qualified) * 100) / 100 : null,
    connectRate: ratio(c.connected, Math.max(c.dialed, c.connected)),
    qualificationRate: ratio(c.qualified, Math.max(c.connected, c.qualified)),
    conversionRate: ratio(c.qualified, Math.max(c.leadsAssigned, c.qualified)),
  };
}

export function addCounters(a: StatCounters, b: StatCounters): StatCounters {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof StatCounters)[]) out[k] += b[k];
  return out;
}
