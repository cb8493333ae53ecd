import type { Counter, ServiceMetrics } from '@soraaya/service-kit';

/** Transcript intelligence's domain metrics, counted once per call when its analysis commits. */
export class IntelMetrics {
  readonly callsAnalyzed: Counter<'qualified' | 'analyzer'>;
  readonly llmCostUsd: Counter;
  readonly llmTokens: Counter<'model' | 'kind'>;

  constructor(metrics: ServiceMetrics) {
    this.callsAnalyzed = metrics.counter({
      name: 'soraaya_intel_calls_analyzed_total',
      help: 'Conversations analysed, by whether the lead qualified ("true"/"false") and the analyzer that read them (offline, openai)',
      labelNames: ['qualified', 'analyzer'],
    });
    this.llmCostUsd = metrics.counter({
      name: 'soraaya_intel_llm_cost_usd_total',
      help: 'LLM spend in US dollars, from token counts and the configured prices (per model: intel.llm_usage)',
    });
    this.llmTokens = metrics.counter({
      name: 'soraaya_intel_llm_tokens_total',
      help: 'LLM tokens used, by model and kind (prompt, completion)',
      labelNames: ['model', 'kind'],
    });
  }
}
