import { createHmac } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { NOT_IN_SERVICE } from '../services/gateway/src/webhooks/vapi-answers';
import { startPlatform, type TestPlatform } from './support/platform';

const SECRET = 'vapi-shared-secret-0123456789';
const TWILIO_TOKEN = 'twilio-auth-token-0123456789abcdef';
const BASE = 'https://soraaya.example.com';

const endOfCall = (callId: string) => ({
  message: {
    type: 'end-of-call-report',
    endedReason: 'customer-ended-call',
    call: { id: callId, metadata: { tenantId: '0193a000-0000-7000-8000-00000000de70', callId: 'our-call-1' } },
    artifact: { transcript: 'AI: Hello\nUser: I am looking for a 3BHK in Worli' },
    analysis: { summary: 'Interested' },
    durationSeconds: 94,
    recordingUrl: 'https://storage.vapi.ai/rec.wav',
    timestamp: 1763770000000,
  },
});

async function streamMessages(p: TestPlatform, subject: string, attempts = 50): Promise<{ id: string | undefined; data: Record<string, unknown> }[]> {
  try {
    return await readStream(p, subject);
  } catch (err) {
    // Right after a NATS restart JetStream may still be recovering its store.
    if (attempts <= 1) throw err;
    await sleep(200);
    return streamMessages(p, subject, attempts - 1);
  }
}

async function readStream(p: TestPlatform, subject: string): Promise<{ id: string | undefined; data: Record<string, unknown> }[]> {
  const jsm = await p.nc.jetstreamManager();
  const stream = p.topology.stream('WEBHOOKS');
  const info = await jsm.streams.info(stream);
  const out = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (m && m.subject === p.topology.subject(subject)) out.push({ id: m.header?.get('Nats-Msg-Id'), data: JSON.parse(new TextDecoder().decode(m.data)) });
  }
  return out;
}

describe('webhook ingress with a shared secret', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startPlatform('gwhook', { VAPI_WEBHOOK_SECRET: SECRET, TWILIO_AUTH_TOKEN: TWILIO_TOKEN, PUBLIC_BASE_URL: BASE }, { lead: false });
  });
  afterAll(async () => {
    await p.stop();
  });

  const vapi = (body: unknown, headers: Record<string, string>) =>
    p.http.inject({ method: 'POST', url: '/webhooks/vapi', payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

  it('stores a verified VAPI message once, however often the provider retries it', async () => {
    const body = endOfCall('call-abc-1');
    for (let i = 0; i < 3; i++) {
      const res = await vapi(body, { authorization: `Bearer ${SECRET}` });
      expect(res.statusCode).toBe(200);
    }
    const stored = await streamMessages(p, 'webhooks.vapi');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe('vapi:call-abc-1:end-of-call-report');
    expect(stored[0]!.data).toMatchObject({
      provider: 'vapi',
      type: 'end-of-call-report',
      providerCallId: 'call-abc-1',
      tenantId: '0193a000-0000-7000-8000-00000000de70',
      callId: 'our-call-1',
      body: { message: { durationSeconds: 94, recordingUrl: 'https://storage.vapi.ai/rec.wav' } },
    });
  });

  it('keeps distinct status updates of one call apart', async () => {
    for (const status of ['ringing', 'in-progress', 'ended', 'in-progress']) {
      expect((await vapi({ message: { type: 'status-update', status, call: { id: 'call-xyz' } } }, { authorization: `Bearer ${SECRET}` })).statusCode).toBe(200);
    }
    const ids = (await streamMessages(p, 'webhooks.vapi')).map((m) => m.id).filter((id) => id?.startsWith('vapi:call-xyz'));
    expect(ids).toEqual(['vapi:call-xyz:status-update:ringing', 'vapi:call-xyz:status-update:in-progress', 'vapi:call-xyz:status-update:ended']);
  });

  it('accepts and stores unknown message types and ended reasons', async () => {
    const res = await vapi({ message: { type: 'brand-new-type', endedReason: 'some-new-reason', call: { id: 'call-new' } } }, { authorization: `Bearer ${SECRET}` });
    expect(res.statusCode).toBe(200);
    expect((await streamMessages(p, 'webhooks.vapi')).some((m) => m.data.type === 'brand-new-type')).toBe(true);
  });

  it('refuses a wrong or missing secret with 401 and stores nothing', async () => {
    const before = (await streamMessages(p, 'webhooks.vapi')).length;
    expect((await vapi(endOfCall('call-evil'), { authorization: 'Bearer wrong-secret-value-000' })).statusCode).toBe(401);
    expect((await vapi(endOfCall('call-evil'), {})).statusCode).toBe(401);
    expect((await streamMessages(p, 'webhooks.vapi')).length).toBe(before);
  });

  it('answers 400 to a body that is not a VAPI message', async () => {
    expect((await vapi({ hello: 'world' }, { authorization: `Bearer ${SECRET}` })).statusCode).toBe(400);
    const res = await p.http.inject({ method: 'POST', url: '/webhooks/vapi', payload: '{nope', headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` } });
    expect(res.statusCode).toBe(400);
  });

  it('answers an assistant-request within its time limit even with no campaign service, and tool calls per id', async () => {
    const started = Date.now();
    // Placed by us (our metadata names the tenant), but no campaign service answers: VAPI gets words to speak, in time.
    const res = await vapi(
      { message: { type: 'assistant-request', call: { id: 'call-in', metadata: { tenantId: '0193a000-0000-7000-8000-00000000de70' } }, customer: { number: '+919820012345' } } },
      { authorization: `Bearer ${SECRET}` },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ error: NOT_IN_SERVICE });
    expect(Date.now() - started).toBeLessThan(7500);
    const tools = await vapi(
      {
        message: {
          type: 'tool-calls',
          call: { id: 'call-in', metadata: { tenantId: '0193a000-0000-7000-8000-00000000de70' } },
          toolCallList: [{ id: 'tc1', function: { name: 'book_visit', arguments: '{}' } }, { id: 'no-name' }],
        },
      },
      { authorization: `Bearer ${SECRET}` },
    );
    expect(tools.json()).toEqual({ results: [{ toolCallId: 'tc1', name: 'book_visit', error: 'This tool is not available right now; carry on without it.' }] });
  });

  describe('Twilio', () => {
    const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
    const params = { CallSid: 'CA1234567890abcdef', CallStatus: 'completed', CallDuration: '42', From: '+14155550100', To: '+919820012345', SequenceNumber: '3' };

    it('stores a callback signed by the twilio library, once across retries', async () => {
      const signature = getExpectedTwilioSignature(TWILIO_TOKEN, `${BASE}/webhooks/twilio/voice`, params);
      for (let i = 0; i < 3; i++) {
        const res = await p.http.inject({ method: 'POST', url: '/webhooks/twilio/voice', payload: form(params), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature } });
        expect(res.statusCode).toBe(200);
        expect(res.body).toMatch(/<Response><\/Response>/);
      }
      const stored = await streamMessages(p, 'webhooks.twilio');
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ id: 'twilio:CA1234567890abcdef:completed:3', data: { type: 'voice-status', providerCallId: 'CA1234567890abcdef', body: params } });
    });

    it('refuses a bad signature, or one for another URL, with 401', async () => {
      const forOtherUrl = getExpectedTwilioSignature(TWILIO_TOKEN, `${BASE}/webhooks/twilio/recording`, params);
      for (const sig of ['bogus', forOtherUrl]) {
        const res = await p.http.inject({ method: 'POST', url: '/webhooks/twilio/voice', payload: form({ ...params, CallStatus: 'busy' }), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sig } });
        expect(res.statusCode).toBe(401);
      }
    });

    it('stores recording callbacks on their own route', async () => {
      const rec = { CallSid: 'CA1', RecordingSid: 'RE1', RecordingStatus: 'completed', RecordingUrl: 'https://api.twilio.com/rec/RE1' };
      const signature = getExpectedTwilioSignature(TWILIO_TOKEN, `${BASE}/webhooks/twilio/recording`, rec);
      const res = await p.http.inject({ method: 'POST', url: '/webhooks/twilio/recording', payload: form(rec), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature } });
      expect(res.statusCode).toBe(200);
      expect((await streamMessages(p, 'webhooks.twilio')).map((m) => m.id)).toContain('twilio:rec:RE1:completed');
    });
  });
});

describe('webhook ingress with VAPI HMAC signatures', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startPlatform('gwhmac', { VAPI_WEBHOOK_SECRET: SECRET, VAPI_WEBHOOK_AUTH: 'hmac', VAPI_HMAC_MAX_SKEW_SECONDS: '300' }, { lead: false });
  });
  afterAll(async () => {
    await p.stop();
  });

  const signed = (raw: string, timestamp: string, secret = SECRET) => createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex');
  const post = (raw: string, headers: Record<string, string>) => p.http.inject({ method: 'POST', url: '/webhooks/vapi', payload: raw, headers: { 'content-type': 'application/json', ...headers } });

  it('accepts an HMAC over the exact raw body and timestamp', async () => {
    const raw = JSON.stringify(endOfCall('call-hmac'));
    const ts = String(Date.now());
    expect((await post(raw, { 'x-signature': signed(raw, ts), 'x-timestamp': ts })).statusCode).toBe(200);
  });

  it.each([
    ['a signature made with another secret', (raw: string, ts: string) => ({ 'x-signature': signed(raw, ts, 'another-secret-000000'), 'x-timestamp': ts })],
    ['a body changed after signing', (raw: string, ts: string) => ({ 'x-signature': signed(raw.replace('94', '95'), ts), 'x-timestamp': ts })],
    ['a stale timestamp (replay)', (raw: string) => ({ 'x-signature': signed(raw, String(Date.now() - 3_600_000)), 'x-timestamp': String(Date.now() - 3_600_000) })],
    ['no signature', () => ({})],
  ])('refuses %s with 401', async (_name, headers) => {
    const raw = JSON.stringify(endOfCall('call-bad'));
    expect((await post(raw, headers(raw, String(Date.now())))).statusCode).toBe(401);
  });
});

describe('webhook ingress while NATS is down', () => {
  let nats: ChildProcess;
  let storeDir: string;
  const port = 14222 + Math.floor(Math.random() * 1000);
  const startNats = async () => {
    nats = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      if (await fetch(`http://127.0.0.1:${port}`).then(() => true, (e: { cause?: { code?: string } }) => e.cause?.code !== 'ECONNREFUSED')) break;
      await sleep(100);
    }
  };
  beforeAll(async () => {
    storeDir = mkdtempSync(join(tmpdir(), 'soraaya-nats-'));
    await startNats();
  });
  afterAll(() => {
    nats.kill('SIGKILL');
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('answers 503 while JetStream cannot take the delivery, and stores the same delivery once NATS is back', async () => {
    const p = await startPlatform('gwoutage', { NATS_URL: `nats://127.0.0.1:${port}`, VAPI_WEBHOOK_SECRET: SECRET }, { lead: false });
    try {
      const body = JSON.stringify(endOfCall('call-outage'));
      const send = () => p.http.inject({ method: 'POST', url: '/webhooks/vapi', payload: body, headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` } });
      nats.kill('SIGTERM');
      await new Promise((r) => nats.once('exit', r));
      const during = await send();
      expect(during.statusCode).toBe(503);
      expect(during.headers['retry-after']).toBe('5');
      await startNats();
      let after = await send();
      for (let i = 0; i < 50 && after.statusCode !== 200; i++) {
        await sleep(200); // the gateway's connection comes back on its own
        after = await send();
      }
      expect(after.statusCode).toBe(200);
      await send(); // the provider's own retry of the same delivery
      expect((await streamMessages(p, 'webhooks.vapi')).filter((m) => m.id === 'vapi:call-outage:end-of-call-report')).toHaveLength(1);
    } finally {
      await p.stop().catch(() => undefined);
    }
  }, 60_000);
});
