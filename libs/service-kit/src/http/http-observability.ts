import { SpanStatusCode, context, type Context, type Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServiceMetrics } from '../metrics/metrics';
import { SpanKind, contextFromHeaders, startSpan } from '../tracing/tracing';

/**
 * RED metrics and a server span for every request of a Fastify instance. The
 * `route` label is Fastify's route pattern (`/api/v1/leads/:id`), never the raw
 * URL, so ids in paths cannot blow up the series count; requests that match no
 * route are labelled `unmatched`. The span continues a W3C `traceparent` the
 * caller sent, and the handler runs with it active, so NATS requests and
 * publishes made while handling carry the trace on.
 *
 * Call it right after creating the instance, before any plugin or route, so
 * every route (encapsulated ones too) inherits the hooks.
 */
export function instrumentHttp(app: FastifyInstance, opts: { metrics: ServiceMetrics; service: string }): void {
  const traced = new WeakMap<FastifyRequest, { span: Span; ctx: Context }>();

  app.addHook('onRequest', (req, _reply, done) => {
    const parent = contextFromHeaders((name) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    });
    const started = startSpan(`${req.method}`, {
      kind: SpanKind.SERVER,
      parent,
      service: opts.service,
      attributes: { 'http.request.method': req.method, 'url.path': req.url.split('?')[0]! },
    });
    traced.set(req, started);
    context.with(started.ctx, done);
  });

  // Entered again after the body is parsed: parsing runs in the socket's async context,
  // and the handler, called synchronously from here, must see the request's span.
  app.addHook('preHandler', (req, _reply, done) => {
    const t = traced.get(req);
    if (t) context.with(t.ctx, done);
    else done();
  });

  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    opts.metrics.httpDuration.observe({ method: req.method, route, status_code: String(status) }, reply.elapsedTime / 1000);
    const t = traced.get(req);
    if (t) {
      t.span.updateName(`${req.method} ${route}`);
      t.span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
      if (status >= 500) t.span.setStatus({ code: SpanStatusCode.ERROR });
      t.span.end();
      traced.delete(req);
    }
    done();
  });

  app.addHook('onRequestAbort', (req, done) => {
    const t = traced.get(req);
    if (t) {
      t.span.setAttribute('http.aborted', true);
      t.span.end();
      traced.delete(req);
    }
    done();
  });
}
