import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * Local stand-ins for the paid telephony APIs, speaking their real wire format
 * so the dialer's real adapters (the `@vapi-ai/server-sdk` and `twilio`
 * clients) are exercised unchanged: same paths, auth headers, body encodings
 * and response shapes. They only accept the call; the test then plays the
 * provider's webhooks into the gateway, as the real service would.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface FakeProvider {
  url: string;
  requests: RecordedRequest[];
  /** While true, call creation answers the provider's own 500 error body. */
  failing: boolean;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

function fakeServer(route: (req: RecordedRequest, fake: FakeProvider) => { status: number; body: unknown }): Promise<FakeProvider> {
  const fake: FakeProvider = { url: '', requests: [], failing: false, stop: async () => undefined };
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const type = req.headers['content-type'] ?? '';
      const body = type.includes('json')
        ? JSON.parse(raw || 'null')
        : type.includes('form')
          ? Object.fromEntries(new URLSearchParams(raw))
          : raw;
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      fake.requests.push(recorded);
      const answer = route(recorded, fake);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  return listen(server).then((url) => {
    fake.url = url;
    fake.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
    return fake;
  });
}

/** VAPI's REST API: `POST /call` with a Bearer private key, answering a Call object. */
export function startFakeVapi(apiKey: string): Promise<FakeProvider> {
  return fakeServer((req, fake) => {
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return {
        status: 401,
        body: {
          message: 'Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.',
          error: 'Unauthorized',
          statusCode: 401,
        },
      };
    if (req.method !== 'POST' || req.path !== '/call')
      return { status: 404, body: { message: `Cannot ${req.method} ${req.path}`, error: 'Not Found', statusCode: 404 } };
    if (fake.failing) return { status: 500, body: { message: 'Internal server error', statusCode: 500 } };
    const b = req.body as { phoneNumberId?: string; assistantId?: string; customer?: { number?: string }; metadata?: unknown };
    const now = new Date().toISOString();
    return {
      status: 201,
      body: {
        id: randomUUID(),
        orgId: randomUUID(),
        type: 'outboundPhoneCall',
        status: 'queued',
        createdAt: now,
        updatedAt: now,
        phoneNumberId: b.phoneNumberId,
        assistantId: b.assistantId,
        customer: b.customer,
        metadata: b.metadata,
      },
    };
  });
}

/** Twilio's REST API: form-encoded `POST /2010-04-01/Accounts/{Sid}/Calls.json` or `Messages.json` with Basic auth, answering the created resource. */
export function startFakeTwilio(accountSid: string, authToken: string): Promise<FakeProvider> {
  const basic = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  return fakeServer((req, fake) => {
    if (req.headers.authorization !== basic)
      return {
        status: 401,
        body: { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 },
      };
    const resource = req.method === 'POST' ? /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/(Calls|Messages)\.json$/.exec(req.path) : null;
    if (!resource || resource[1] !== accountSid) return { status: 404, body: { code: 20404, message: 'The requested resource was not found', status: 404 } };
    if (fake.failing) return { status: 500, body: { code: 20500, message: 'Internal Server Error', status: 500 } };
    const b = req.body as Record<string, string>;
    if (resource[2] === 'Messages') {
      const sid = `SM${randomBytes(16).toString('hex')}`;
      return {
        status: 201,
        body: { sid, account_sid: accountSid, to: b.To, from: b.From, body: b.Body, status: 'queued', num_segments: '1', direction: 'outbound-api', api_version: '2010-04-01', uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json` },
      };
    }
    const sid = `CA${randomBytes(16).toString('hex')}`;
    return {
      status: 201,
      body: {
        sid,
        account_sid: accountSid,
        to: b.To,
        from: b.From,
        status: 'queued',
        direction: 'outbound-api',
        date_created: new Date().toUTCString(),
        api_version: '2010-04-01',
        uri: `/2010-04-01/Accounts/${accountSid}/Calls/${sid}.json`,
      },
    };
  });
}

export interface FakeOpenAi extends FakeProvider {
  /** The JSON the fake model answers with (as the message content), or a function of the request. */
  answer: unknown;
}

/** OpenAI's REST API: `POST /v1/chat/completions` with a Bearer key, answering a chat.completion with usage. */
export async function startFakeOpenAi(apiKey: string): Promise<FakeOpenAi> {
  let fakeRef: FakeOpenAi | null = null;
  const fake = (await fakeServer((req, f) => {
    if (req.headers.authorization !== `Bearer ${apiKey}`) return { status: 401, body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } } };
    if (req.method !== 'POST' || req.path !== '/v1/chat/completions') return { status: 404, body: { error: { message: `Unknown request URL: ${req.method} ${req.path}.`, type: 'invalid_request_error', param: null, code: 'unknown_url' } } };
    if (f.failing) return { status: 500, body: { error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } } };
    const model = (req.body as { model: string }).model;
    return {
      status: 200,
      body: {
        id: `chatcmpl-${randomBytes(12).toString('hex')}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(fakeRef!.answer), refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 },
      },
    };
  })) as FakeOpenAi;
  fake.answer = null;
  fakeRef = fake;
  return fake;
}
