import type { Counter, ServiceMetrics } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';

/** What the gauges read at each scrape; set once the dialer's parts exist. */
export interface DialerGaugeSources {
  ds: DataSource;
  /** Provider name and whether its breaker keeps dials back (open or probing). */
  breaker: () => { provider: string; open: boolean };
  tenantCap: number;
}

/**
 * The dialer's domain metrics. Calls and skips are counted where they happen;
 * active calls are read from the dialer's table at scrape time (the partial
 * index `calls_open` keeps that cheap), so every replica reports the same
 * platform-wide value: aggregate them with max, not sum.
 */
export class DialerMetrics {
  readonly calls: Counter<'provider' | 'outcome'>;
  readonly skips: Counter<'reason'>;
  private sources: DialerGaugeSources | null = null;

  constructor(metrics: ServiceMetrics) {
    const sources = () => this.sources;
    this.calls = metrics.counter({
      name: 'soraaya_dialer_calls_total',
      help: 'Calls that ended, by provider and outcome (completed, no_answer, busy, voicemail, failed, canceled)',
      labelNames: ['provider', 'outcome'],
    });
    this.skips = metrics.counter({
      name: 'soraaya_dialer_dial_skips_total',
      help: 'Dials not made, by reason (dnc, lead_status, max_attempts, outside_window, lead_missing)',
      labelNames: ['reason'],
    });
    for (const reason of ['dnc', 'lead_status', 'max_attempts', 'outside_window', 'lead_missing']) this.skips.inc({ reason }, 0);
    metrics.gauge({
      name: 'soraaya_dialer_circuit_open',
      help: "1 while the provider's circuit breaker holds dials back (open, or half-open with one probe), else 0",
      labelNames: ['provider'],
      collect() {
        const s = sources();
        if (!s) return;
        const b = s.breaker();
        this.set({ provider: b.provider }, b.open ? 1 : 0);
      },
    });
    metrics.gauge({
      name: 'soraaya_dialer_active_calls',
      help: 'Calls not yet ended, by provider, across all replicas',
      labelNames: ['provider'],
      async collect() {
        const s = sources();
        if (!s) return;
        const rows: { provider: string; n: number }[] = await s.ds.query(`select provider, count(*)::int as n from dialer.calls where state <> 'ended' group by provider`);
        this.reset();
        const provider = s.breaker().provider;
        if (!rows.some((r) => r.provider === provider)) this.set({ provider }, 0);
        for (const r of rows) this.set({ provider: r.provider }, r.n);
      },
    });
    metrics.gauge({
      name: 'soraaya_dialer_tenant_active_calls_max',
      help: 'Active calls of the busiest tenant: compare with soraaya_dialer_tenant_call_cap',
      async collect() {
        const s = sources();
        if (!s) return;
        const rows: { n: number }[] = await s.ds.query(
          `select coalesce(max(n), 0)::int as n from (select count(*) as n from dialer.calls where state <> 'ended' group by tenant_id) t`,
        );
        this.set(rows[0]?.n ?? 0);
      },
    });
    metrics.gauge({
      name: 'soraaya_dialer_tenant_call_cap',
      help: 'Concurrent calls allowed per tenant (TENANT_MAX_CONCURRENT_CALLS); each campaign has its own lower cap too',
      collect() {
        const s = sources();
        if (s) this.set(s.tenantCap);
      },
    });
  }

  watch(sources: DialerGaugeSources): void {
    this.sources = sources;
  }
}
