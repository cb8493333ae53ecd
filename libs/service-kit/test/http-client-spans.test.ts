import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { installInMemoryTracing, type InMemoryTracing } from '../src/testing/in-memory-tracing';
import { redactUrl } from '../src/tracing/http-client-spans';
import { SERVICE_ATTRIBUTE, inSpan } from '../src/tracing/tracing';
import { useOtlpTracing } from '../src/tracing/tracing-sdk';

/** What the "provider" saw of each request. */
interface Seen {
  method: string;
  url: string;
  traceparent: string | undefined;
}

/** node:http's request as the Twilio SDK's axios makes it (property access on the module, at call time). */
function httpGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'GET', headers: { authorization: 'Basic c2lkOnRva2Vu' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const isWrapped = (fn: unknown) => (fn as { __wrapped?: boolean }).__wrapped === true;

describe('client spans for outgoing HTTP (fetch/undici and node:http)', () => {
  let server: http.Server;
  let base: string;
  const seen: Seen[] = [];
  let tracing: InMemoryTracing | undefined;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', traceparent: req.headers.traceparent as string | undefined });
      req.resume();
      req.on('end', () => {
        if (req.url?.startsWith('/call')) res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"c1"}');
        else res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await tracing?.uninstall();
    tracing = undefined;
    seen.length = 0;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('is off by default: no SDK without an OTLP endpoint, node:http untouched, no trace header sent', async () => {
    const release = useOtlpTracing({ endpoint: undefined, serviceName: 'soraaya-test' });
    await inSpan('place call', { kind: SpanKind.INTERNAL, service: 'dialer' }, async () => {
      await fetch(`${base}/call`, { method: 'POST', body: '{}' });
      await httpGet(`${base}/missing`);
    });
    await release();
    expect(isWrapped(http.request)).toBe(false);
    expect(seen.map((s) => s.traceparent)).toEqual([undefined, undefined]);
  });

  it('records a fetch and an http.request made inside a span as its CLIENT children, and sends their traceparent', async () => {
    tracing = installInMemoryTracing();
    const parent = await inSpan('place call', { kind: SpanKind.INTERNAL, service: 'dialer' }, async (span) => {
      const res = await fetch(`${base}/call?api_key=s3cret-key&assistant=a1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"to":"+91"}',
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ id: 'c1' }); // the span ends with the body
      expect(await httpGet(`${base}/missing?token=tw-s3cret`)).toBe(404);
      return span.spanContext();
    });
    const clients = tracing.trace(parent.traceId).filter((s) => s.kind === SpanKind.CLIENT);
    expect(clients).toHaveLength(2);
    const byMethod = (m: string) => clients.find((s) => s.attributes['http.request.method'] === m)!;
    const viaFetch: ReadableSpan = byMethod('POST');
    const viaHttp: ReadableSpan = byMethod('GET');

    expect(viaFetch.attributes).toMatchObject({
      'url.full': `${base}/call?api_key=REDACTED&assistant=REDACTED`,
      'http.response.status_code': 201,
      'server.address': '127.0.0.1',
      [SERVICE_ATTRIBUTE]: 'dialer',
    });
    expect(viaHttp.attributes).toMatchObject({
      'url.full': `${base}/missing?token=REDACTED`,
      'http.response.status_code': 404,
      [SERVICE_ATTRIBUTE]: 'dialer',
    });
    for (const client of clients) {
      expect(client.parentSpanContext?.spanId).toBe(parent.spanId);
      expect(JSON.stringify(client.attributes)).not.toMatch(/s3cret|c2lkOnRva2Vu/);
    }

    // The server got each request with the trace id and its client span as the parent.
    const post = seen.find((s) => s.method === 'POST')!;
    const get = seen.find((s) => s.method === 'GET')!;
    expect(post.traceparent).toBe(`00-${parent.traceId}-${viaFetch.spanContext().spanId}-01`);
    expect(get.traceparent).toBe(`00-${parent.traceId}-${viaHttp.spanContext().spanId}-01`);
    expect(isWrapped(https.request)).toBe(true); // the Twilio SDK's path (axios over https)
  });

  it('leaves requests outside any span alone: no root span, no header', async () => {
    tracing = installInMemoryTracing();
    await fetch(`${base}/call`, { method: 'POST', body: '{}' });
    await httpGet(`${base}/missing`);
    expect(seen.map((s) => s.traceparent)).toEqual([undefined, undefined]);
    expect(tracing.spans()).toEqual([]);
  });

  it('stops when the SDK is removed', async () => {
    tracing = installInMemoryTracing();
    await tracing.uninstall();
    await inSpan('place call', { kind: SpanKind.INTERNAL }, async () => {
      await fetch(`${base}/call`, { method: 'POST', body: '{}' });
      await httpGet(`${base}/missing`);
    });
    expect(isWrapped(http.request)).toBe(false);
    expect(seen.map((s) => s.traceparent)).toEqual([undefined, undefined]);
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://api.vapi.ai/call', 'https://api.vapi.ai/call'],
    ['https://api.openai.com/v1/responses?key=sk-1&key=sk-2&mode=x', 'https://api.openai.com/v1/responses?key=REDACTED&mode=REDACTED'],
    [
      'https://AC1:authtoken@api.twilio.com/2010-04-01/Accounts/AC1/Calls.json',
      'https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json',
    ],
    ['http://127.0.0.1:8080/hook?sig=abc#frag', 'http://127.0.0.1:8080/hook?sig=REDACTED'],
    ['not a url?token=x', 'not a url'],
  ])('%s → %s', (raw, redacted) => {
    expect(redactUrl(raw)).toBe(redacted);
  });
});
