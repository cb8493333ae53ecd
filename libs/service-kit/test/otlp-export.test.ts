import { SpanKind } from '@opentelemetry/api';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { baseEnvSchema, loadConfig } from '../src/config/load-config';
import { inSpan, traceHeaders } from '../src/tracing/tracing';
import { useOtlpTracing } from '../src/tracing/tracing-sdk';

describe('OTLP/HTTP export, configured by OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('is off by default and names a bad endpoint', () => {
    expect(loadConfig(baseEnvSchema, {}).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(() => loadConfig(baseEnvSchema, { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  it('sends the spans to <endpoint>/v1/traces and flushes them when the last runtime releases it', async () => {
    const received: { url: string; type: string; bytes: number }[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ url: req.url ?? '', type: String(req.headers['content-type']), bytes: Buffer.concat(chunks).length });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const releaseA = useOtlpTracing({ endpoint, serviceName: 'soraaya-a' });
      const releaseB = useOtlpTracing({ endpoint, serviceName: 'soraaya-b' });
      await inSpan('work', { kind: SpanKind.INTERNAL, service: 'a' }, async () => {
        expect(traceHeaders().traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      });
      await releaseA();
      expect(received).toEqual([]); // still in use by B, still batching
      await releaseB();
      expect(received).toEqual([{ url: '/v1/traces', type: expect.stringMatching(/^application\/(x-protobuf|json)/), bytes: expect.any(Number) }]);
      expect(traceHeaders()).toEqual({}); // off again
    } finally {
      server.close();
    }
  });
});
