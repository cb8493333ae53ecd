import type { DashboardMetrics, Kpi } from '../../core/api/api.types';
import { conversionSeries, deltaView, formatDelta, formatValue, hourBars, kpiRows, partialNotice } from './dashboard-view';

const kpi = (over: Partial<Kpi>): Kpi => ({ value: 10, previous: 8, delta: 2, deltaRatio: 0.25, unit: 'count', compare: 'previous_period', higherIsBetter: true, ...over });

describe('dashboard view: figures and their changes in words', () => {
  it.each([
    [1234567, 'count', '12,34,567'],
    [0.6667, 'ratio', '66.7%'],
    [125, 'seconds', '2m 05s'],
    [0.5, 'usd', '$0.50'],
    [1.25, 'per_hour', '1.3 / h'],
    [null, 'ratio', '—'],
  ] as const)('formatValue(%p, %s) = %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });

  it.each([
    [{ delta: 5, deltaRatio: 1, unit: 'count' }, '+5 (+100%)'],
    [{ delta: -2, deltaRatio: -0.25, unit: 'count' }, '−2 (−25%)'],
    [{ delta: 3, deltaRatio: null, unit: 'count' }, '+3'],
    [{ delta: 0, deltaRatio: 0, unit: 'count' }, '0'],
    [{ delta: 0.0667, deltaRatio: 0.1, unit: 'ratio' }, '+6.7 pts'],
    [{ delta: -30, deltaRatio: -0.2, unit: 'seconds' }, '−30s'],
    [{ delta: -0.5, deltaRatio: -0.17, unit: 'usd' }, '−$0.50'],
    [{ delta: 0.5, deltaRatio: null, unit: 'per_hour' }, '+0.5 / h'],
  ] as const)('formatDelta(%p) = %s', (k, expected) => {
    expect(formatDelta(k)).toBe(expected);
  });

  it.each([
    ['a rise where higher is better', kpi({}), 'up', 'good', 'Up 2 (+25%) vs previous 7 days, an improvement'],
    ['a rise where lower is better', kpi({ higherIsBetter: false }), 'up', 'bad', 'Up 2 (+25%) vs previous 7 days, a worsening'],
    ['a fall where lower is better', kpi({ delta: -2, deltaRatio: -0.2, higherIsBetter: false }), 'down', 'good', 'Down 2 (−20%) vs previous 7 days, an improvement'],
    ['no change', kpi({ delta: 0, deltaRatio: 0 }), 'flat', 'neutral', 'No change vs previous 7 days'],
    ['neither good nor bad', kpi({ higherIsBetter: null, unit: 'seconds', delta: 30 }), 'up', 'neutral', 'Up 30s vs previous 7 days'],
    ['today against yesterday', kpi({ compare: 'yesterday' }), 'up', 'good', 'Up 2 (+25%) vs yesterday, an improvement'],
    ['a count since the period began', kpi({ compare: 'period_start' }), 'up', 'good', 'Up 2 (+25%) since 7 days ago, an improvement'],
  ])('deltaView: %s', (_what, k, direction, tone, label) => {
    expect(deltaView(k, 7)).toMatchObject({ direction, tone, label });
  });

  it.each([
    ['a live figure', kpi({ compare: 'none', delta: null })],
    ['nothing to compare with', kpi({ previous: null, delta: null, deltaRatio: null })],
  ])('deltaView: none for %s', (_what, k) => {
    expect(deltaView(k, 7)).toBeNull();
  });

  it('lays the twelve cards out in three rows of four, with their sub-lines', () => {
    const base = kpi({ compare: 'period_start' });
    const m = {
      period: { from: '2026-03-01', to: '2026-03-30' },
      kpis: {
        totalLeads: base,
        qualifiedLeads: { ...base, share: 0.25, previousShare: 0.2 },
        activeCalls: { ...kpi({ compare: 'none', previous: null, delta: null, deltaRatio: null }), value: 3, capacity: 20 },
        conversionRate: kpi({ unit: 'ratio', value: 0.5 }),
        leadsAddedToday: { ...kpi({ compare: 'yesterday' }), bySource: [{ label: 'csv_import', count: 4 }] },
        callsCompletedToday: { ...kpi({ compare: 'yesterday' }), successRate: 0.4, previousSuccessRate: null },
        averageCallDuration: kpi({ unit: 'seconds', value: 95, higherIsBetter: null }),
        humanInterventionRequired: { ...kpi({ higherIsBetter: false }), openNotifications: 2 },
        callSuccessRate: kpi({ unit: 'ratio', value: 0.6 }),
        leadResponseRate: kpi({ unit: 'ratio', value: null, delta: null }),
        qualifiedPerHour: kpi({ unit: 'per_hour', value: 1 }),
        costPerQualifiedLead: kpi({ unit: 'usd', value: 2.5, higherIsBetter: false }),
      },
    } as unknown as DashboardMetrics;
    const rows = kpiRows(m);
    expect(rows.map((r) => r.length)).toEqual([4, 4, 4]);
    const card = (key: string) => rows.flat().find((c) => c.key === key)!;
    expect(card('qualifiedLeads')).toMatchObject({ value: '10', sub: '25% of all leads', delta: { against: 'since 30 days ago' } });
    expect(card('activeCalls')).toMatchObject({ value: '3', sub: 'of 20 lines', delta: null, live: true });
    expect(card('leadsAddedToday').sub).toBe('Csv import 4');
    expect(card('callsCompletedToday').sub).toBe('40% answered');
    expect(card('humanInterventionRequired')).toMatchObject({ sub: '2 open notifications', delta: { tone: 'bad' } });
    expect(card('leadResponseRate')).toMatchObject({ value: '—', delta: null });
    expect(card('costPerQualifiedLead').value).toBe('$2.50');
  });

  it.each([
    [[], null],
    [['dialer'], 'Some figures are missing: the dialer service did not answer in time. They fill in on the next refresh.'],
    [['lead', 'intelligence'], 'Some figures are missing: the lead and transcript intelligence services did not answer in time. They fill in on the next refresh.'],
  ])('partialNotice(%p)', (partial, expected) => {
    expect(partialNotice(partial)).toBe(expected);
  });

  it('charts: conversion per day leaves out days without answered calls; hours are trimmed to the calling day', () => {
    const series = conversionSeries({
      campaignId: null,
      days: 3,
      partial: [],
      points: [
        { day: '2026-03-01', calls: 4, answered: 2, qualified: 1, conversionRate: 0.5, newLeads: 1 },
        { day: '2026-03-02', calls: 0, answered: 0, qualified: 0, conversionRate: null, newLeads: 0 },
        { day: '2026-03-03', calls: 3, answered: 3, qualified: 1, conversionRate: 0.333333, newLeads: 0 },
      ],
    });
    expect(series).toEqual([{ name: 'Conversion rate', series: [{ name: '1 Mar', value: 50 }, { name: '3 Mar', value: 33.3 }] }]);
    const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, calls: hour === 9 ? 4 : hour === 11 ? 2 : 0, answered: hour === 9 ? 1 : 0 }));
    expect(hourBars(hours).map((h) => [h.name, h.series.map((s) => s.value)])).toEqual([
      ['09:00', [1, 3]],
      ['10:00', [0, 0]],
      ['11:00', [0, 2]],
    ]);
    expect(hourBars(hours.map((h) => ({ ...h, calls: 0, answered: 0 })))).toEqual([]);
  });
});
