import type { Counter, ServiceMetrics } from '@soraaya/service-kit';

/** The lead service's domain metrics. */
export class LeadMetrics {
  readonly imports: Counter<'result'>;
  readonly importRows: Counter<'outcome'>;

  constructor(metrics: ServiceMetrics) {
    this.imports = metrics.counter({
      name: 'soraaya_lead_imports_total',
      help: 'CSV imports finished, by result (completed, failed)',
      labelNames: ['result'],
    });
    this.importRows = metrics.counter({
      name: 'soraaya_lead_import_rows_total',
      help: 'Imported CSV rows by outcome (created, merged, unchanged, rejected); a batch redone after a crash counts again',
      labelNames: ['outcome'],
    });
    // Known label values start at 0, so rate() and alerts see the series before the first import.
    for (const result of ['completed', 'failed']) this.imports.inc({ result }, 0);
  }
}
