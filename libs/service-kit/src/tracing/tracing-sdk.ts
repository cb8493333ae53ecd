import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type SpanExporter,
} from '@opentelemetry/sdk-trace';
import { HttpClientSpanProcessor, enableHttpClientSpans } from './http-client-spans';

export interface TracingSdkOptions {
  /** `service.name` of the process's resource. Spans also carry `soraaya.service`, which is what tells services apart in one process. */
  serviceName: string;
  exporter: SpanExporter;
  /** `simple` exports each span as it ends (tests); `batch` buffers (production). */
  processor?: 'simple' | 'batch';
  /** Share of new traces to keep (parent-based: a sampled parent keeps its children). */
  sampleRatio?: number;
}

export interface TracingSdk {
  provider: TracerProvider;
  /** Flushes and removes the SDK; the API falls back to no-ops. */
  shutdown(): Promise<void>;
}

let installed: { sdk: TracingSdk; users: number } | null = null;

/**
 * Installs the OpenTelemetry SDK for the whole process: an AsyncLocalStorage
 * context manager (the active span follows awaits), the W3C trace-context
 * propagator, a tracer provider and client spans for outgoing HTTP (fetch and
 * node:http, see http-client-spans.ts). Replaces one installed earlier.
 */
export function installTracingSdk(opts: TracingSdkOptions): TracingSdk {
  if (installed) void installed.sdk.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': opts.serviceName, 'service.namespace': 'soraaya' }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(opts.sampleRatio ?? 1) }),
    spanProcessors: [
      new HttpClientSpanProcessor(),
      opts.processor === 'simple'
        ? new SimpleSpanProcessor({ exporter: opts.exporter })
        : new BatchSpanProcessor({ exporter: opts.exporter }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const disableHttpClientSpans = enableHttpClientSpans(provider);
  const sdk: TracingSdk = {
    provider,
    async shutdown() {
      if (installed?.sdk !== sdk) return;
      installed = null;
      // Before the first await: an SDK installed meanwhile re-enables the same instrumentations.
      disableHttpClientSpans();
      await provider.shutdown().catch(() => undefined);
      // Unless an SDK replaced this one meanwhile (it set the globals anew).
      if (installed) return;
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  installed = { sdk, users: 0 };
  return sdk;
}

/**
 * For a service runtime: when `endpoint` is set, installs the SDK with the OTLP/HTTP
 * exporter (once per process) and returns a release function that shuts it down
 * when the last runtime using it stops. Without an endpoint tracing stays off,
 * unless a test installed an SDK of its own, which is then left alone.
 */
export function useOtlpTracing(opts: { endpoint?: string | undefined; serviceName: string; sampleRatio?: number }): () => Promise<void> {
  if (!opts.endpoint) return async () => undefined;
  if (!installed) {
    const url = `${opts.endpoint.replace(/\/+$/, '')}/v1/traces`;
    installTracingSdk({ serviceName: opts.serviceName, exporter: new OTLPTraceExporter({ url }), processor: 'batch', ...(opts.sampleRatio !== undefined ? { sampleRatio: opts.sampleRatio } : {}) });
  }
  const holder = installed!;
  holder.users += 1;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    holder.users -= 1;
    if (holder.users <= 0) await holder.sdk.shutdown();
  };
}
