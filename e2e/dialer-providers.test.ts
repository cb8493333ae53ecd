import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { campaignWithLeads, until } from './support/dialer-fixtures';
import { startFakeTwilio, startFakeVapi, type FakeProvider } from './support/fake-providers';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

/**
 * The real VAPI and Twilio adapters (their SDKs unchanged) against local
 * servers that speak those APIs' wire formats; the test then plays the
 * provider's side: webhooks into the gateway, signed as the provider signs them.
 */
const WEBHOOK_SECRET = 'vapi-shared-secret-for-provider-tests';
const VAPI_KEY = 'vapi-private-key-0123456789';
const TWILIO_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TWILIO_TOKEN = 'twilio-auth-token-0123456789abcdef';
const PUBLIC = 'https://soraaya.example.in';

/** What the dialer sends to VAPI's POST /call (the parts these tests read). */
interface VapiCallBody {
  metadata: { tenantId: string; leadId: string; campaignId: string; callId: string; attempt: number };
  assistantOverrides: {
    firstMessage: string;
    model: { messages: { role: string; content: string }[] };
    variableValues: Record<string, string>;
    metadata: unknown;
  };
}
type VapiCallRef = { id: string; metadata: VapiCallBody['metadata'] };

describe('dialer providers over their wire formats', () => {
  let p: TestPlatform;
  let manager: TestUser;
  let vapi: FakeProvider;
  let twilio: FakeProvider;
  const api = (method: string, url: string, body?: unknown) => p.request({ method, url, user: manager, body });
  /** The provider's id for our call, once the dialer stored VAPI's or Twilio's answer. */
  const providerIdOf = (callId: string) =>
    until<string>(
      async () =>
        (await p.gateway.runtime.ds.query(`select provider_call_id from dialer.calls where id = $1`, [callId]))[0]?.provider_call_id,
    );
  const callRow = async (providerCallId: string) =>
    (await p.gateway.runtime.ds.query(`select * from dialer.calls where provider_call_id = $1`, [providerCallId]))[0];

  beforeAll(async () => {
    [vapi, twilio] = await Promise.all([startFakeVapi(VAPI_KEY), startFakeTwilio(TWILIO_SID, TWILIO_TOKEN)]);
    p = await startPlatform(
      'dialprov',
      { VAPI_WEBHOOK_SECRET: WEBHOOK_SECRET, TWILIO_AUTH_TOKEN: TWILIO_TOKEN, PUBLIC_BASE_URL: PUBLIC },
      { campaign: true, listen: true },
    );
    manager = await p.user('a', 'manager');
  });
  afterAll(async () => {
    await p.stop();
    await Promise.all([vapi.stop(), twilio.stop()]);
  });
  afterEach(async () => {
    await p.dialer?.stop();
    p.dialer = null;
  });

  async function vapiWebhook(message: Record<string, unknown>) {
    const res = await p.http.inject({
      method: 'POST',
      url: '/webhooks/vapi',
      headers: { authorization: `Bearer ${WEBHOOK_SECRET}` },
      payload: { message: { ...message, timestamp: Date.now() } },
    });
    expect(res.statusCode).toBe(200);
  }

  async function twilioCallback(params: Record<string, string>) {
    const signature = getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC}/webhooks/twilio/voice`, params);
    const res = await p.http.inject({
      method: 'POST',
      url: '/webhooks/twilio/voice',
      payload: new URLSearchParams(params).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    });
    expect(res.statusCode).toBeLessThan(300);
  }

  const vapiEnv = (extra: Record<string, string> = {}) => ({
    DIALER_PROVIDER: 'vapi',
    VAPI_API_KEY: VAPI_KEY,
    VAPI_PHONE_NUMBER_ID: 'pn-soraaya-mumbai',
    VAPI_ASSISTANT_ID: 'asst-base',
    VAPI_BASE_URL: vapi.url,
    PROVIDER_CALLS_PER_SECOND: '100',
    PACER_TICK_MS: '50',
    ...extra,
  });

  it('creates VAPI calls with the persona as overrides and ends them from VAPI server messages', async () => {
    vapi.requests.length = 0;
    await p.startDialer(vapiEnv());
    const { campaign } = await campaignWithLeads(p, manager, 'Vapi wire', 2, { maxConcurrentCalls: 2, maxAttempts: 1 }, 10_000);
    await api('POST', `/api/v1/campaigns/${campaign.id}/start`);
    await until(async () => (vapi.requests.length === 2 ? true : null));

    for (const req of vapi.requests) {
      expect(req).toMatchObject({ method: 'POST', path: '/call', headers: { authorization: `Bearer ${VAPI_KEY}` } });
      const body = req.body as VapiCallBody;
      expect(body).toMatchObject({
        phoneNumberId: 'pn-soraaya-mumbai',
        assistantId: 'asst-base',
        customer: { number: expect.stringMatching(/^\+9190\d{8}$/) },
      });
      expect(body.assistantOverrides.firstMessage).toMatch(/^Hello Vapi$/); // "Hello {{lead.first_name}}" filled for "Vapi wire 10001"
      expect(body.assistantOverrides.model.messages[0]).toEqual({ role: 'system', content: expect.stringMatching(/^Talk about Lodha Park\n\nTools: book_callback/) });
      expect(body.assistantOverrides.variableValues['campaign.name']).toBe('Vapi wire');
      expect(body.metadata).toMatchObject({ tenantId: p.tenants.a, campaignId: campaign.id, attempt: 1 });
      expect(body.assistantOverrides.metadata).toEqual(body.metadata);
    }

    // VAPI answers with the call object; its id is how later server messages find the call.
    const [first, second] = await Promise.all(
      vapi.requests.map(async (r) => {
        const metadata = (r.body as VapiCallBody).metadata;
        return { id: await providerIdOf(metadata.callId), metadata };
      }) as [Promise<VapiCallRef>, Promise<VapiCallRef>],
    );
    // A conversation, with a duplicate and a late status-update after the end-of-call-report.
    await vapiWebhook({ type: 'status-update', status: 'ringing', call: first });
    await vapiWebhook({ type: 'status-update', status: 'in-progress', call: first });
    const report = {
      type: 'end-of-call-report',
      endedReason: 'customer-ended-call',
      durationSeconds: 95,
      cost: 0.19,
      recordingUrl: 'https://storage.vapi.ai/rec.wav',
      artifact: {
        transcript: 'AI: Hello Vapi\nUser: Budget is 8 crore.',
        messages: [
          { role: 'system', message: 'You are Priya.', time: 1, secondsFromStart: 0 },
          { role: 'bot', message: 'Hello Vapi', time: 1_763_800_000_000, endTime: 1_763_800_001_200, secondsFromStart: 0.4 },
          { role: 'user', message: 'Budget is 8 crore.', time: 1_763_800_002_000, endTime: 1_763_800_004_100, secondsFromStart: 2.4 },
        ],
      },
      analysis: { summary: 'Interested, 8 Cr.' },
      call: first,
    };
    await vapiWebhook(report);
    await vapiWebhook(report);
    await vapiWebhook({ type: 'status-update', status: 'in-progress', call: first });
    // The other lead never picks up.
    await vapiWebhook({ type: 'status-update', status: 'ringing', call: second });
    await vapiWebhook({
      type: 'end-of-call-report',
      endedReason: 'customer-did-not-answer',
      durationSeconds: 0,
      cost: 0.01,
      artifact: {},
      analysis: {},
      call: second,
    });

    const answered = await until(async () => {
      const row = await callRow(first.id);
      return row?.state === 'ended' ? row : null;
    });
    expect(answered).toMatchObject({
      outcome: 'completed',
      ended_reason: 'customer-ended-call',
      recording_url: 'https://storage.vapi.ai/rec.wav',
    });
    expect(Number(answered.duration_seconds)).toBe(95);
    // The conversation's timings are kept for transcript intelligence (calls.ended carries them as turns).
    expect(answered.turns).toEqual([
      { role: 'assistant', text: 'Hello Vapi', start: 0.4, end: 1.6 },
      { role: 'user', text: 'Budget is 8 crore.', start: 2.4, end: 4.5 },
    ]);
    const missed = await until(async () => {
      const row = await callRow(second.id);
      return row?.state === 'ended' ? row : null;
    });
    expect(missed.outcome).toBe('no_answer');
    // Lead statuses follow: a conversation → follow_up (intelligence decides more), one attempt unanswered → unresponsive.
    await until(async () => {
      const rows: { id: string; status: string }[] = await p.gateway.runtime.ds.query(
        `select id, status from lead.leads where id = any($1)`,
        [[first.metadata.leadId, second.metadata.leadId]],
      );
      const byId = Object.fromEntries(rows.map((r) => [r.id, r.status]));
      return byId[first.metadata.leadId] === 'follow_up' && byId[second.metadata.leadId] === 'unresponsive';
    }, 20_000);
  }, 60_000);

  it('creates Twilio calls with status callbacks and machine detection, and maps CallStatus/AnsweredBy', async () => {
    twilio.requests.length = 0;
    await p.startDialer({
      DIALER_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: TWILIO_SID,
      TWILIO_FROM_NUMBER: '+912240001111',
      TWILIO_TWIML_URL: 'https://soraaya.example.in/twiml/vapi-bridge',
      TWILIO_API_BASE_URL: twilio.url,
      PROVIDER_CALLS_PER_SECOND: '100',
      PACER_TICK_MS: '50',
    });
    const { campaign } = await campaignWithLeads(p, manager, 'Twilio wire', 1, { maxConcurrentCalls: 1, maxAttempts: 1 }, 11_000);
    await api('POST', `/api/v1/campaigns/${campaign.id}/start`);
    const req = await until(async () => twilio.requests[0]);
    const form = req.body as Record<string, string>;
    expect(req.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(form).toMatchObject({
      To: '+919000011001',
      From: '+912240001111',
      StatusCallback: `${PUBLIC}/webhooks/twilio/voice`,
      StatusCallbackMethod: 'POST',
      MachineDetection: 'Enable',
      Timeout: '30',
    });
    expect(form.Url).toMatch(/^https:\/\/soraaya\.example\.in\/twiml\/vapi-bridge\?callId=[0-9a-f-]{36}$/);
    // Twilio's form sends the event list as repeated fields; the fake keeps the last.
    expect(form.StatusCallbackEvent).toBe('completed');

    const callId = form.Url!.split('callId=')[1]!;
    const sid = await providerIdOf(callId);
    expect(sid).toMatch(/^CA[0-9a-f]{32}$/);
    const base = {
      AccountSid: TWILIO_SID,
      CallSid: sid,
      To: '+919000011001',
      From: '+912240001111',
      Direction: 'outbound-api',
      ApiVersion: '2010-04-01',
    };
    await twilioCallback({ ...base, CallStatus: 'ringing', SequenceNumber: '1' });
    await twilioCallback({ ...base, CallStatus: 'in-progress', AnsweredBy: 'machine_end_beep', SequenceNumber: '2' });
    await twilioCallback({ ...base, CallStatus: 'completed', AnsweredBy: 'machine_end_beep', CallDuration: '21', SequenceNumber: '3' });
    await twilioCallback({ ...base, CallStatus: 'ringing', SequenceNumber: '1' }); // late duplicate: changes nothing
    const row = await until(async () => {
      const r = await callRow(sid);
      return r?.state === 'ended' ? r : null;
    });
    expect(row).toMatchObject({ provider: 'twilio', outcome: 'voicemail', ended_reason: 'twilio:completed:machine_end_beep' });
    await new Promise((r) => setTimeout(r, 500));
    expect((await callRow(sid)).state).toBe('ended');
  }, 60_000);

  it('pauses the campaign when the provider keeps failing, raises an event, and resumes after a good probe', async () => {
    vapi.requests.length = 0;
    vapi.failing = true;
    await p.startDialer(
      vapiEnv({ BREAKER_WINDOW: '4', BREAKER_ERROR_RATE: '0.5', BREAKER_COOLDOWN_SECONDS: '2', PROVIDER_CALLS_PER_SECOND: '4' }),
    );
    const { campaign } = await campaignWithLeads(p, manager, 'Breaker', 12, { maxConcurrentCalls: 1, maxAttempts: 1 }, 12_000);
    await api('POST', `/api/v1/campaigns/${campaign.id}/start`);

    const paused = await until(async () => {
      const c = (await api('GET', `/api/v1/campaigns/${campaign.id}`)).json();
      return c.status === 'paused' ? c : null;
    }, 20_000);
    const failedSoFar = vapi.requests.length;
    expect(failedSoFar).toBeGreaterThanOrEqual(4);
    expect(failedSoFar).toBeLessThan(12); // it stopped dialing into a failing provider
    expect(paused.id).toBe(campaign.id);
    const lastOn = async (stream: 'CAMPAIGNS' | 'CALLS', subject: string) => {
      const jsm = await p.nc.jetstreamManager();
      const m = await until(async () =>
        jsm.streams.getMessage(p.topology.stream(stream), { last_by_subj: p.topology.subject(subject) }).catch(() => null),
      );
      return JSON.parse(new TextDecoder().decode(m.data)).data;
    };
    expect(await lastOn('CAMPAIGNS', 'campaigns.paused.v1')).toMatchObject({
      campaignId: campaign.id,
      actor: { type: 'system', id: 'dialer-circuit-breaker' },
      reason: expect.stringMatching(/^vapi errors: \d+% of the last calls failed \(.*500/),
    });
    expect(await lastOn('CALLS', 'calls.circuit_opened.v1')).toMatchObject({ provider: 'vapi', campaignId: campaign.id, window: 4 });
    const failedCalls = await p.gateway.runtime.ds.query(
      `select count(*)::int as n from dialer.calls where campaign_id = $1 and outcome = 'failed' and ended_reason like 'provider-error:%'`,
      [campaign.id],
    );
    expect(failedCalls[0].n).toBe(failedSoFar);

    // The provider recovers: after the cool-down the breaker resumes the campaign, one probe goes through, dialing continues.
    vapi.failing = false;
    await until(async () => ((await api('GET', `/api/v1/campaigns/${campaign.id}`)).json().status === 'active' ? true : null), 20_000);
    await until(async () => (p.dialer!.breaker.status === 'closed' ? true : null), 20_000);
    expect(vapi.requests.length).toBe(failedSoFar + 1); // one probe, not a burst
    // The probe holds the campaign's only slot until VAPI reports its end; then the next lead is dialed.
    const probe = (vapi.requests.at(-1)!.body as VapiCallBody).metadata;
    const probeId = await providerIdOf(probe.callId);
    await vapiWebhook({
      type: 'end-of-call-report',
      endedReason: 'customer-did-not-answer',
      durationSeconds: 0,
      cost: 0,
      artifact: {},
      analysis: {},
      call: { id: probeId, metadata: probe },
    });
    await until(async () => (vapi.requests.length === failedSoFar + 2 ? true : null), 20_000);
  }, 90_000);
});
