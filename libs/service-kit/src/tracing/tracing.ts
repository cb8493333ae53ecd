import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  createContextKey,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';

/**
 * Tracing helpers every service goes through. They use only the OpenTelemetry
 * API: while no SDK is installed (the default: OTEL_EXPORTER_OTLP_ENDPOINT unset)
 * spans are no-ops and no trace headers are written, so the cost is a few calls.
 */

/** Span attribute naming the service that made the span (tests run every service in one process). */
export const SERVICE_ATTRIBUTE = 'soraaya.service';

const SERVICE_KEY = createContextKey('soraaya.service');
const TRACER_NAME = '@soraaya/service-kit';

export { SpanKind };

export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/** The W3C trace context (`traceparent`, `tracestate`) of `ctx` as plain headers; empty when tracing is off or no span is active. */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The context a message or request carried, read with `get` (header lookup, any case handling is the caller's). */
export function contextFromHeaders(get: (name: string) => string | undefined, base: Context = ROOT_CONTEXT): Context {
  return propagation.extract(base, null, {
    get: (_carrier, key) => get(key),
    keys: () => ['traceparent', 'tracestate'],
  });
}

/** The service whose span is active in `ctx`, if any. */
export function serviceOf(ctx: Context = context.active()): string | undefined {
  return ctx.getValue(SERVICE_KEY) as string | undefined;
}

export interface SpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  /** Parent context (extracted from a message); the active context when omitted. */
  parent?: Context;
  /** The service making the span; inherited from the parent context when omitted. */
  service?: string;
  /** Whether a thrown error marks the span as failed (default: every error does). */
  isFailure?: (err: unknown) => boolean;
}

/** Starts a span and returns it with the context to run the work in (the span active, the service remembered). */
export function startSpan(name: string, opts: SpanOptions): { span: Span; ctx: Context } {
  const parent = opts.parent ?? context.active();
  const service = opts.service ?? serviceOf(parent);
  const span = tracer().startSpan(name, { kind: opts.kind, attributes: { ...(service ? { [SERVICE_ATTRIBUTE]: service } : {}), ...opts.attributes } }, parent);
  const ctx = trace.setSpan(service ? parent.setValue(SERVICE_KEY, service) : parent, span);
  return { span, ctx };
}

/** Runs `work` inside a new span, which records a thrown error and ends when the work does. */
export async function inSpan<T>(name: string, opts: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const { span, ctx } = startSpan(name, opts);
  try {
    return await context.with(ctx, () => work(span));
  } catch (err) {
    if (opts.isFailure?.(err) ?? true) failSpan(span, err);
    throw err;
  } finally {
    span.end();
  }
}

export function failSpan(span: Span, err: unknown): void {
  if (!span.isRecording()) return;
  span.recordException(err instanceof Error ? err : String(err));
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
}

/**
 * Runs `work` detached from any active trace, e.g. a background loop woken from
 * inside a handler; spans it starts are roots, made by `service` when given.
 */
export function untraced<T>(work: () => T, service?: string): T {
  return context.with(service ? ROOT_CONTEXT.setValue(SERVICE_KEY, service) : ROOT_CONTEXT, work);
}
