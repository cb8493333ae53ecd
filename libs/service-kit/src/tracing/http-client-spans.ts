import { SpanKind, type Context } from '@opentelemetry/api';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import type { Span, SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import { SERVICE_ATTRIBUTE, serviceOf } from './tracing';

/**
 * Client spans for outgoing HTTP: fetch (Node's undici: the VAPI and OpenAI SDKs) and
 * node:http/https (axios in the Twilio SDK). Each request made while a span is active
 * gets a CLIENT child span (method, url.full, status) and carries `traceparent`, so a
 * provider call shows under the span that made it. Requests outside any span are left
 * alone: no root span, no header. Incoming HTTP keeps its own spans (http-observability).
 */

// One pair per process, switched on and off with the SDK.
let instrumentations: { http: HttpInstrumentation; undici: UndiciInstrumentation } | null = null;

/** Turns the instrumentations on, recording into `provider`; returns the function that turns them off. */
export function enableHttpClientSpans(provider: TracerProvider): () => void {
  instrumentations ??= {
    // Never enabled through its require() hook: that patches node:http on its next require(), and every
    // package here loaded it long before tracing is switched on (at runtime start); under jest the hook
    // never fires. Its patches are applied below to the loaded modules instead (shared objects, so every
    // `http.request(...)` made from now on goes through them).
    http: new HttpInstrumentation({ enabled: false, disableIncomingRequestInstrumentation: true, requireParentforOutgoingSpans: true }),
    // Listens on undici's diagnostics channels, whenever undici was loaded; it reads `enabled` from its config on every request.
    undici: new UndiciInstrumentation({ enabled: true, requireParentforSpans: true }),
  };
  const { http: httpSpans, undici } = instrumentations;
  httpSpans.setTracerProvider(provider);
  undici.setTracerProvider(provider);
  undici.enable();
  const patches = httpSpans.getModuleDefinitions().map((def) => ({ def, exports: def.name === 'https' ? https : http }));
  for (const { def, exports } of patches) def.patch?.(exports);
  // Node's ES-module view of the built-ins follows the patched CommonJS exports.
  syncBuiltinESMExports();
  return () => {
    undici.disable();
    for (const { def, exports } of patches) def.unpatch?.(exports);
    syncBuiltinESMExports();
  };
}

/**
 * Keeps secrets out of recorded URLs: query values (API keys, signatures, tokens) become
 * `REDACTED`, their names stay; user:password is dropped. The instrumentations themselves
 * only redact a few cloud-signature parameters.
 */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw.replace(/[?#].*$/, '');
  }
  url.username = '';
  url.password = '';
  url.hash = '';
  const names = [...new Set(url.searchParams.keys())];
  url.search = '';
  for (const name of names) url.searchParams.append(name, 'REDACTED');
  return url.toString();
}

/**
 * Runs on every span as it starts, before any exporter sees it: client spans of the
 * HTTP instrumentations get their URLs redacted and the `soraaya.service` of the span
 * that made the request, like every other span of ours.
 */
export class HttpClientSpanProcessor implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    if (span.kind !== SpanKind.CLIENT) return;
    const full = span.attributes['url.full'];
    if (typeof full !== 'string') return;
    const redacted = redactUrl(full);
    span.setAttribute('url.full', redacted);
    if (span.attributes['url.query'] !== undefined)
      span.setAttribute('url.query', redacted.includes('?') ? redacted.slice(redacted.indexOf('?') + 1) : '');
    const service = serviceOf(parentContext);
    if (service && span.attributes[SERVICE_ATTRIBUTE] === undefined) span.setAttribute(SERVICE_ATTRIBUTE, service);
  }

  onEnd(): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
