import { middayZone } from '@soraaya/service-kit/testing';
import { NOT_IN_SERVICE } from '../services/gateway/src/webhooks/vapi-answers';
import { campaignWithLeads, until } from './support/dialer-fixtures';
import { startFakeVapi, type FakeProvider } from './support/fake-providers';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

/**
 * The voice agent's side of VAPI, end to end through the gateway: who answers
 * an inbound call (`assistant-request`, routed by the tenant's phone lines),
 * and the tools the agent calls mid-conversation (`tool-calls`), answered by
 * the dialer from real lead, campaign and call data.
 */
const SECRET = 'vapi-shared-secret-for-voice-agent-tests';
const VAPI_KEY = 'vapi-private-key-voice-agent';

interface AssistantAnswer {
  error?: string;
  assistant?: {
    name: string;
    firstMessage: string;
    voice: { provider: string; voiceId: string };
    model: { messages: { role: string; content: string }[]; tools: { type: string; function: { name: string } }[] };
    metadata: Record<string, string>;
  };
  assistantOverrides?: { variableValues: Record<string, string> };
}

describe('the voice agent: inbound assistants and tools', () => {
  let p: TestPlatform;
  let admin: TestUser;
  let otherAdmin: TestUser;
  let agent: TestUser;
  let vapi: FakeProvider;
  const zone = middayZone();
  const api = (user: TestUser, method: string, url: string, body?: unknown) => p.request({ method, url, user, body });

  async function webhook(message: Record<string, unknown>) {
    const started = Date.now();
    const res = await p.http.inject({ method: 'POST', url: '/webhooks/vapi', headers: { authorization: `Bearer ${SECRET}` }, payload: { message: { timestamp: Date.now(), ...message } } });
    expect(res.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(7_500); // VAPI's limit for answers in the webhook reply
    return res.json();
  }

  beforeAll(async () => {
    vapi = await startFakeVapi(VAPI_KEY);
    p = await startPlatform('voiceagent', { VAPI_WEBHOOK_SECRET: SECRET, COMPANY_NAME: 'Mumbai Homes' }, { campaign: true, listen: true });
    [admin, otherAdmin, agent] = await Promise.all([p.user('a', 'admin'), p.user('b', 'admin'), p.user('a', 'agent')]);
  });
  afterAll(async () => {
    await p.stop();
    await vapi.stop();
  });

  describe('phone lines', () => {
    it('are registered by admins only, validated, and one number rings one organisation', async () => {
      expect((await api(agent, 'GET', '/api/v1/phone-lines')).statusCode).toBe(403);
      const bad = await api(admin, 'POST', '/api/v1/phone-lines', { number: '022 5000 1234', label: '' });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json().error.details)).toMatch(/number[^}]*E\.164/);
      expect(JSON.stringify(bad.json().error.details)).toMatch(/label/);
      const line = await api(admin, 'POST', '/api/v1/phone-lines', { number: '+91 22 5000 1234', vapiPhoneNumberId: 'pn-inbound-a', label: 'Mumbai office' });
      expect(line.statusCode).toBe(201);
      expect(line.json()).toMatchObject({ number: '+912250001234', vapiPhoneNumberId: 'pn-inbound-a', tenantId: admin.tenantId });
      const taken = await api(otherAdmin, 'POST', '/api/v1/phone-lines', { number: '+912250001234', label: 'Mine' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.message).toBe('The number +912250001234 is already registered');
      expect((await api(otherAdmin, 'GET', '/api/v1/phone-lines')).json()).toEqual([]);
      expect((await api(otherAdmin, 'DELETE', `/api/v1/phone-lines/${line.json().id}`)).statusCode).toBe(404);
      expect((await api(admin, 'GET', '/api/v1/phone-lines')).json()).toHaveLength(1);
      const spare = (await api(admin, 'POST', '/api/v1/phone-lines', { number: '+912250009999', label: 'Spare' })).json();
      expect((await api(admin, 'DELETE', `/api/v1/phone-lines/${spare.id}`)).json()).toEqual({ id: spare.id });
      expect((await api(admin, 'GET', '/api/v1/phone-lines')).json().map((l: { label: string }) => l.label)).toEqual(['Mumbai office']);
    });
  });

  let inboundCampaign: { id: string; name: string };
  let inboundPersona: { id: string };
  let caller: { id: string; phoneE164: string; status: string };

  describe('assistant-request (someone rings one of our numbers)', () => {
    let campaign: { id: string; name: string };
    let persona: { id: string };

    beforeAll(async () => {
      ({ campaign, persona } = await campaignWithLeads(p, admin, 'Inbound', 1, {}, 20_000, zone));
      caller = (await api(admin, 'GET', `/api/v1/leads?search=${encodeURIComponent('inbound lead')}`)).json().items[0];
      [inboundCampaign, inboundPersona] = [campaign, persona];
    });

    it('answers a known caller with their campaign’s persona, greeting them by name, with tools and our metadata', async () => {
      const answer: AssistantAnswer = await webhook({
        type: 'assistant-request',
        call: { id: 'vapi-inbound-1', type: 'inboundPhoneCall', phoneNumberId: 'pn-inbound-a', customer: { number: caller.phoneE164 } },
        phoneNumber: { id: 'pn-inbound-a', number: '+912250001234' },
        customer: { number: caller.phoneE164 },
      });
      expect(answer.error).toBeUndefined();
      expect(answer.assistant!.firstMessage).toBe('Hello Inbound, thank you for calling Mumbai Homes. This is Inbound persona; how can I help you today?');
      expect(answer.assistant!.voice).toEqual({ provider: 'vapi', voiceId: 'sim' });
      expect(answer.assistant!.model.messages[0]!.content).toContain('Talk about');
      expect(answer.assistant!.model.tools.map((t) => t.function.name)).toEqual(['book_callback', 'opt_out', 'find_properties']);
      expect(answer.assistant!.metadata).toEqual({ tenantId: admin.tenantId, direction: 'inbound', personaId: persona.id, leadId: caller.id, campaignId: campaign.id });
      expect(answer.assistantOverrides!.variableValues['campaign.name']).toBe('Inbound');
    });

    it('answers an unknown caller on the line by its number alone, without a name', async () => {
      const answer: AssistantAnswer = await webhook({ type: 'assistant-request', call: { id: 'vapi-inbound-2' }, phoneNumber: { number: '+912250001234' }, customer: { number: '+14155550123' } });
      expect(answer.assistant!.firstMessage).toMatch(/^Hello, thank you for calling Mumbai Homes\./);
      // Not a lead, the line names no campaign and none is active yet: the tenant's first active persona answers.
      expect(answer.assistant!.metadata).toEqual({ tenantId: admin.tenantId, direction: 'inbound', personaId: persona.id });
    });

    it('refuses, in words VAPI speaks, a number no organisation registered', async () => {
      expect(await webhook({ type: 'assistant-request', call: { id: 'vapi-inbound-3' }, phoneNumber: { id: 'pn-unknown', number: '+912299999999' }, customer: { number: caller.phoneE164 } })).toEqual({ error: NOT_IN_SERVICE });
    });

    it('refuses politely when the tenant has no active persona', async () => {
      await api(otherAdmin, 'POST', '/api/v1/phone-lines', { number: '+912260002000', label: 'B line' });
      const answer = await webhook({ type: 'assistant-request', call: { id: 'vapi-inbound-4' }, phoneNumber: { number: '+912260002000' }, customer: { number: '+919820000000' } });
      expect(answer).toEqual({ error: 'Sorry, no one can take your call right now. Please try again later.' });
    });
  });

  describe('tool-calls during a call the dialer placed', () => {
    let call: { id: string; metadata: Record<string, unknown> };
    let leadId: string;
    let phone: string;
    const tools = (...list: { id: string; name: string; arguments: unknown }[]) =>
      webhook({ type: 'tool-calls', call, toolCallList: list.map((t) => ({ id: t.id, type: 'function', function: { name: t.name, arguments: t.arguments } })) }) as Promise<{
        results: { toolCallId: string; name: string; result?: string; error?: string }[];
      }>;

    beforeAll(async () => {
      await p.startDialer({ DIALER_PROVIDER: 'vapi', VAPI_API_KEY: VAPI_KEY, VAPI_PHONE_NUMBER_ID: 'pn-out', VAPI_ASSISTANT_ID: 'asst-base', VAPI_BASE_URL: vapi.url, PROVIDER_CALLS_PER_SECOND: '100', PACER_TICK_MS: '50' });
      const { campaign } = await campaignWithLeads(p, admin, 'Tools', 1, { maxAttempts: 1 }, 21_000, zone);
      await api(admin, 'POST', '/api/v1/properties', { name: 'Sea Breeze', type: 'apartment', location: 'Worli, Mumbai', priceMinInr: 85_000_000, priceMaxInr: 120_000_000 });
      await api(admin, 'POST', '/api/v1/properties', { name: 'Palm Villa', type: 'villa', location: 'Alibaug', priceMinInr: 150_000_000, priceMaxInr: 150_000_000 });
      await api(admin, 'POST', `/api/v1/campaigns/${campaign.id}/start`);
      const sent = await until(async () => vapi.requests.find((r) => (r.body as { metadata?: { campaignId?: string } }).metadata?.campaignId === campaign.id));
      const body = sent.body as { metadata: { callId: string; leadId: string }; assistantOverrides: { model: { tools: { function: { name: string } }[] } } };
      // Outbound calls carry the same tools as inbound ones.
      expect(body.assistantOverrides.model.tools.map((t) => t.function.name)).toEqual(['book_callback', 'opt_out', 'find_properties']);
      const providerCallId = await until<string>(async () => (await p.gateway.runtime.ds.query(`select provider_call_id from dialer.calls where id = $1`, [body.metadata.callId]))[0]?.provider_call_id);
      call = { id: providerCallId, metadata: body.metadata };
      leadId = body.metadata.leadId;
      phone = (await api(admin, 'GET', `/api/v1/leads/${leadId}`)).json().lead.phoneE164;
      await webhook({ type: 'status-update', status: 'in-progress', call });
    });
    afterAll(async () => {
      await p.dialer?.stop();
      p.dialer = null;
    });

    it('answers every id: unknown tools and bad arguments get errors naming what is wrong', async () => {
      const { results } = await tools(
        { id: 't1', name: 'book_visit', arguments: '{}' },
        { id: 't2', name: 'book_callback', arguments: '{"when":"tomorrow at five"}' },
        { id: 't3', name: 'book_callback', arguments: '{not json' },
        { id: 't4', name: 'find_properties', arguments: { budgetMaxInr: '8 crore' } },
      );
      expect(results.map((r) => r.toolCallId)).toEqual(['t1', 't2', 't3', 't4']);
      expect(results[0]!.error).toBe('There is no tool called book_visit; carry on without it.');
      expect(results[1]!.error).toMatch(/^Arguments for book_callback are not right: when must be an ISO 8601 date-time/);
      expect(results[2]!.error).toMatch(/not valid JSON/);
      expect(results[3]!.error).toMatch(/budgetMaxInr/);
    });

    it('finds available properties within the budget', async () => {
      const { results } = await tools({ id: 'p1', name: 'find_properties', arguments: { budgetMaxInr: 130_000_000 } }, { id: 'p2', name: 'find_properties', arguments: { location: 'Goa' } });
      expect(results[0]!.result).toBe('1 available. Sea Breeze, an apartment in Worli, Mumbai, ₹8.5 Cr to ₹12 Cr.');
      expect(results[1]!.result).toMatch(/^No available property matches/);
    });

    it('refuses a call back outside the calling window and offers the nearest time; books one inside it for when the call ends', async () => {
      const now = Date.now();
      const late = new Date(now + 35 * 3600_000); // ~21:00–04:00 on the lead's clock: outside 09:00–20:00
      const { results: refused } = await tools({ id: 'c1', name: 'book_callback', arguments: { when: late.toISOString() } }, { id: 'c2', name: 'book_callback', arguments: { when: new Date(now + 60_000).toISOString() } });
      expect(refused[0]!.error).toMatch(/^That is outside our calling hours\. The nearest time we can call is \w+day \d+ \w+ at 9:00 am; offer that\.$/);
      expect(refused[1]!.error).toMatch(/^That is too soon for a call back\./);
      expect((await p.gateway.runtime.ds.query(`select requested_callback_at from dialer.calls where provider_call_id = $1`, [call.id]))[0].requested_callback_at).toBeNull();

      const when = new Date(Math.ceil((now + 24 * 3600_000) / 60_000) * 60_000); // tomorrow, same time: ~10:00–17:00 there
      const { results } = await tools({ id: 'c3', name: 'book_callback', arguments: JSON.stringify({ when: when.toISOString(), note: 'after office' }) });
      expect(results[0]!.result).toMatch(new RegExp(`^Booked: we will call back on \\w+day \\d+ \\w+ at \\d+:\\d\\d [ap]m, ${zone.replace(/[+]/g, '\\+')} time\\.$`));
      const row = (await p.gateway.runtime.ds.query(`select requested_callback_at from dialer.calls where provider_call_id = $1`, [call.id]))[0];
      expect(new Date(row.requested_callback_at).toISOString()).toBe(when.toISOString());

      // The lead moves once the conversation is over, to the booked time.
      await webhook({ type: 'end-of-call-report', endedReason: 'customer-ended-call', durationSeconds: 80, cost: 0.1, artifact: { transcript: 'AI: Hello\nUser: Call me tomorrow.' }, analysis: {}, call });
      const lead = await until(async () => {
        const l = (await api(admin, 'GET', `/api/v1/leads/${leadId}`)).json().lead;
        return l.status === 'callback_requested' ? l : null;
      });
      expect(new Date(lead.callbackAt).toISOString()).toBe(when.toISOString());
    });

    it('puts the number on the do-not-call list when the person opts out', async () => {
      const { results } = await tools({ id: 'o1', name: 'opt_out', arguments: { reason: 'Bought elsewhere' } });
      expect(results[0]!.result).toMatch(/^Done: this number is on our do-not-call list/);
      const check = (await api(admin, 'GET', `/api/v1/dnc/check?phone=${encodeURIComponent(phone)}`)).json();
      expect(check).toMatchObject({ blocked: true, entry: { reason: 'Asked on a call: Bought elsewhere', addedBy: 'voice-agent' } });
    });

    it('records an inbound call from its assistant’s metadata, once, and announces its end for intelligence', async () => {
      const metadata = { tenantId: admin.tenantId, direction: 'inbound', personaId: inboundPersona.id, leadId: caller.id, campaignId: inboundCampaign.id };
      const inbound = { id: 'vapi-inbound-call-9', type: 'inboundPhoneCall', customer: { number: caller.phoneE164 } };
      const before = (await api(admin, 'GET', `/api/v1/leads/${caller.id}`)).json().lead.status;
      await webhook({ type: 'status-update', status: 'in-progress', call: inbound, assistant: { metadata } });
      await webhook({ type: 'status-update', status: 'in-progress', call: inbound, assistant: { metadata } }); // a retry or a second message: still one call
      await webhook({
        type: 'end-of-call-report',
        endedReason: 'customer-ended-call',
        durationSeconds: 64,
        cost: 0.07,
        call: inbound,
        assistant: { metadata },
        artifact: { transcript: 'AI: Hello Inbound, thank you for calling.\nUser: I missed your call. Budget is 6 crore, we want to buy by March.' },
        analysis: {},
      });
      const row = await until(async () => {
        const rows = await p.gateway.runtime.ds.query(`select * from dialer.calls where provider_call_id = 'vapi-inbound-call-9'`);
        return rows.length === 1 && rows[0].state === 'ended' ? rows[0] : null;
      });
      expect(row).toMatchObject({ direction: 'inbound', attempt: 0, lead_id: caller.id, campaign_id: inboundCampaign.id, persona_id: inboundPersona.id, outcome: 'completed' });
      expect(row.transcript).toContain('Budget is 6 crore');
      const calls = (await api(admin, 'GET', `/api/v1/calls?leadId=${caller.id}`)).json().items;
      expect(calls).toEqual([expect.objectContaining({ direction: 'inbound', attempt: 0, state: 'ended' })]);
      // calls.ended carries it to intelligence, marked inbound; the lead's status is left to the analysis.
      const jsm = await p.nc.jetstreamManager();
      const ended = await until(async () => {
        const m = await jsm.streams.getMessage(p.topology.stream('CALLS'), { last_by_subj: p.topology.subject('calls.ended.v1') }).catch(() => null);
        const envelope = m ? JSON.parse(new TextDecoder().decode(m.data)) : null;
        return envelope?.data.callId === row.id ? envelope : null;
      });
      expect(ended.data).toMatchObject({ direction: 'inbound', attempt: 0, outcome: 'answered', leadId: caller.id });
      expect((await api(admin, 'GET', `/api/v1/leads/${caller.id}`)).json().lead.status).toBe(before);
      // Not a dial of the campaign: its performance counts no connection.
      await until(async () => (await p.gateway.runtime.ds.query(`select 1 from campaign.inbox where consumer = 'campaign-perf-call-ended' and event_id = $1`, [ended.id])).length > 0);
      const perf = (await api(admin, 'GET', `/api/v1/campaigns/${inboundCampaign.id}/performance`)).json();
      expect(perf.totals).toMatchObject({ dialed: 0, connected: 0 });
    });

    it('does not answer for a call without our metadata, and never for another tenant’s lead', async () => {
      const anonymous = await webhook({ type: 'tool-calls', call: { id: 'not-ours' }, toolCallList: [{ id: 'x1', function: { name: 'opt_out', arguments: '{}' } }] });
      expect(anonymous).toEqual({ results: [{ toolCallId: 'x1', name: 'opt_out', error: 'This tool is not available right now; carry on without it.' }] });
      // Stored for audit at once, not redelivered waiting for a call row that will never exist.
      const stored = await until(async () => (await p.gateway.runtime.ds.query(`select call_id from dialer.provider_events where type = 'tool-calls' and payload->'message'->'call'->>'id' = 'not-ours'`))[0], 3_000);
      expect(stored.call_id).toBeNull();
      // Tenant B's metadata with tenant A's lead: the lead service scopes by tenant, so there is no such lead.
      const crossed = await webhook({
        type: 'tool-calls',
        call: { id: 'crossed', metadata: { tenantId: otherAdmin.tenantId, leadId } },
        toolCallList: [{ id: 'x2', function: { name: 'opt_out', arguments: '{}' } }],
      });
      expect(crossed.results[0].error).toMatch(/not one of our leads/);
    });
  });
});
