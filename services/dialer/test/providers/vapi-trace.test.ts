import type { Lead } from '@soraaya/contracts';
import { SpanKind, inSpan, uuid7 } from '@soraaya/service-kit';
import { installInMemoryTracing, type InMemoryTracing } from '@soraaya/service-kit/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VapiProvider } from '../../src/providers/vapi.provider';

describe('VAPI calls in traces', () => {
  let server: Server;
  let tracing: InMemoryTracing;
  const received: { method: string; url: string; traceparent?: string }[] = [];

  beforeAll(async () => {
    tracing = installInMemoryTracing();
    // Stands in for api.vapi.ai: POST /call answers the created call.
    server = createServer((req, res) => {
      received.push({ method: req.method!, url: req.url!, traceparent: req.headers.traceparent as string | undefined });
      req.resume();
      req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'vapi-call-1' })));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await tracing.uninstall();
  });

  it("shows the POST /call as a client span under the dial that placed it, with the dial's trace sent to VAPI", async () => {
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new VapiProvider({ apiKey: 'vapi-secret-key', phoneNumberId: 'pn-1', assistantId: 'as-1', baseUrl });
    const lead = { id: uuid7(), contactPerson: 'Ananya Iyer', location: 'Mumbai', propertyName: null, priceRange: null } as unknown as Lead;
    const request = {
      callId: uuid7(),
      tenantId: uuid7(),
      campaignId: uuid7(),
      campaignName: 'C',
      leadId: lead.id,
      attempt: 1,
      to: '+919820012345',
      lead,
      persona: null,
      properties: [],
      companyName: 'Soraaya',
    };

    const dial = await inSpan('dial', { kind: SpanKind.INTERNAL, service: 'dialer' }, async (span) => {
      expect(await provider.placeCall(request)).toEqual({ providerCallId: 'vapi-call-1' });
      return span.spanContext();
    });

    const client = tracing.trace(dial.traceId).find((s) => s.kind === SpanKind.CLIENT)!;
    expect(client).toBeDefined();
    expect(client.parentSpanContext?.spanId).toBe(dial.spanId);
    expect(client.attributes).toMatchObject({
      'http.request.method': 'POST',
      'url.full': `${baseUrl}/call`,
      'http.response.status_code': 201,
      'soraaya.service': 'dialer',
    });
    expect(JSON.stringify(client.attributes)).not.toContain('vapi-secret-key');
    expect(received).toEqual([{ method: 'POST', url: '/call', traceparent: `00-${dial.traceId}-${client.spanContext().spanId}-01` }]);
  });
});
