import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { installTracingSdk } from '../tracing/tracing-sdk';
import { SERVICE_ATTRIBUTE } from '../tracing/tracing';

export interface InMemoryTracing {
  exporter: InMemorySpanExporter;
  /** Every finished span so far. */
  spans(): ReadableSpan[];
  /** Finished spans of one trace. */
  trace(traceId: string): ReadableSpan[];
  /** The services (`soraaya.service`) that made spans in one trace. */
  servicesIn(traceId: string): Set<string>;
  reset(): void;
  uninstall(): Promise<void>;
}

/**
 * Turns tracing on for this test process with an in-memory exporter. Install it
 * before building the apps; every service in the process then records into it,
 * each span naming its service in the `soraaya.service` attribute.
 */
export function installInMemoryTracing(): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const sdk = installTracingSdk({ serviceName: 'soraaya-test', exporter, processor: 'simple' });
  const inTrace = (traceId: string) => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  return {
    exporter,
    spans: () => exporter.getFinishedSpans(),
    trace: inTrace,
    servicesIn: (traceId) => new Set(inTrace(traceId).map((s) => String(s.attributes[SERVICE_ATTRIBUTE] ?? '?'))),
    reset: () => exporter.reset(),
    uninstall: () => sdk.shutdown(),
  };
}
