import { callEndedV1, rebuildInsightsV1, type EventEnvelope } from '@soraaya/contracts';
import { buildEnvelope, uuid7 } from '@soraaya/service-kit';
import { insertLeads, until } from './support/dialer-fixtures';
import { publishEvent } from './support/events';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

/**
 * From a `calls.ended.v1` event (as the dialer publishes it) through the real
 * intelligence service to the lead's new status and fields in the real lead
 * service, the stored transcript, the events it raises, and the gateway routes.
 */
describe('transcript intelligence, end to end', () => {
  let p: TestPlatform;
  let manager: TestUser;
  let agent: TestUser;
  let campaignId: string;
  const leadIds: string[] = [];
  const ds = () => p.gateway.runtime.ds;
  const api = (method: string, url: string, user = manager) => p.request({ method, url, user });

  beforeAll(async () => {
    p = await startPlatform('intel', {}, { campaign: true, intelligence: true });
    manager = await p.user('a', 'manager');
    agent = await p.user('a', 'agent');
    const campaign = (
      await p.request({
        method: 'POST',
        url: '/api/v1/campaigns',
        user: manager,
        body: { name: 'Worli towers', qualificationCriteria: { budgetMinInr: 50_000_000, purchaseTimelines: ['immediate', '3_months', '6_months'] } },
      })
    ).json();
    campaignId = campaign.id;
    await insertLeads(p, p.tenants.a, 4, 'Asia/Kolkata', 90_000, 'Intel lead');
    const rows: { id: string }[] = await ds().query(`select id from lead.leads where tenant_id = $1 and contact_person like 'Intel lead %' order by contact_person`, [p.tenants.a]);
    leadIds.push(...rows.map((r) => r.id));
    // As after a call the dialer connected: the lead is in_call, in the campaign.
    await ds().query(`update lead.leads set status = 'in_call', campaign_id = $2 where id = any($1)`, [leadIds, campaignId]);
  });
  afterAll(async () => {
    await p.stop();
  });

  // Every call starts at 10:30 IST (05:00 UTC) of the latest such moment: recent, so a "tomorrow" callback is in the future.
  const start = new Date(new Date().toISOString().slice(0, 10) + 'T05:00:00.000Z');
  if (start.getTime() > Date.now()) start.setUTCDate(start.getUTCDate() - 1);
  const startedAt = start.toISOString();

  function callEnded(leadId: string, transcript: string | null, outcome: 'answered' | 'voicemail' = 'answered'): EventEnvelope<string, ReturnType<typeof callEndedV1.data.parse>> {
    return buildEnvelope(callEndedV1, { tenantId: p.tenants.a, correlationId: `test-${leadId}` }, {
      callId: uuid7(),
      leadId,
      campaignId,
      personaId: null,
      attempt: 1,
      outcome,
      endedReason: outcome === 'voicemail' ? 'voicemail' : 'customer-ended-call',
      durationSeconds: 120,
      costUsd: 0.24,
      recordingUrl: 'https://storage.vapi.ai/rec.wav',
      transcript,
      summary: null,
      startedAt,
      endedAt: new Date(Date.parse(startedAt) + 120_000).toISOString(),
    });
  }

  const publish = (envelope: unknown) => publishEvent(p, callEndedV1, envelope);

  const lead = async (id: string) => (await api('GET', `/api/v1/leads/${id}`)).json().lead;

  it('qualifies a lead from its call: status, qualification fields, transcript, events — once, however often the event arrives', async () => {
    const event = callEnded(
      leadIds[0]!,
      [
        'AI: Hello, this is Priya from Lodha Luxury. You had enquired about a sea-facing apartment in Worli. Is this a good time?',
        'User: Yes, tell me.',
        'AI: What budget are you considering?',
        'User: Our budget is around 8 crore and we want to buy within 3 months.',
        'AI: And how would you finance it?',
        'User: We will pay cash. I am the decision maker.',
      ].join('\n'),
    );
    // The same event three times (a redelivery and a replay under other message ids): analysed and applied once.
    await publish(event);
    await publish(event);
    await publish(event);
    const qualified = await until(async () => {
      const l = await lead(leadIds[0]!);
      return l.status === 'qualified' ? l : null;
    }, 30_000);
    expect(qualified).toMatchObject({ budgetMinInr: 80_000_000, budgetMaxInr: 80_000_000, purchaseTimeline: '3_months', financingStatus: 'cash_buyer' });

    const transcripts = (await api('GET', `/api/v1/leads/${leadIds[0]}/transcripts`)).json();
    expect(transcripts.items).toHaveLength(1);
    expect(transcripts.items[0]).toMatchObject({ callId: event.data.callId, callOutcome: 'answered', recordingUrl: 'https://storage.vapi.ai/rec.wav', analysis: { analyzer: 'offline', fallbackReason: null, result: { outcome: 'qualified' } } });
    expect(transcripts.items[0].turns[3]).toEqual({ role: 'user', text: 'Our budget is around 8 crore and we want to buy within 3 months.', start: null, end: null });
    const one = await api('GET', `/api/v1/calls/${event.data.callId}/transcript`);
    expect(one.statusCode).toBe(200);
    expect(one.json().analysis.result.budgetInr).toEqual({ min: 80_000_000, max: 80_000_000 });

    // Events: one analysis each, whatever the redeliveries.
    await new Promise((r) => setTimeout(r, 1000));
    const jsm = await p.nc.jetstreamManager();
    const stream = p.topology.stream('INTEL');
    const info = await jsm.streams.info(stream);
    const subjects: string[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (m && JSON.parse(new TextDecoder().decode(m.data)).data.callId === event.data.callId) subjects.push(m.subject);
    }
    expect(subjects.sort()).toEqual([p.topology.subject('intel.analysis_completed.v1'), p.topology.subject('intel.call_analyzed.v1')].sort());
    expect((await ds().query(`select count(*)::int as n from intel.analyses where call_id = $1`, [event.data.callId]))[0].n).toBe(1);
  }, 60_000);

  it('books a callback in the lead zone, and hands a lead who asks for a person to a human', async () => {
    await publish(callEnded(leadIds[1]!, 'AI: Hello, is this a good time?\nUser: I am driving right now. Call me tomorrow at 6.'));
    await publish(callEnded(leadIds[2]!, 'AI: Hello, I am calling about Lodha Park.\nUser: I want to talk to a real person, not a machine. Please have someone from your team call me.'));
    const callback = await until(async () => {
      const l = await lead(leadIds[1]!);
      return l.status === 'callback_requested' ? l : null;
    }, 30_000);
    // 10:30 in Kolkata → tomorrow 18:00 IST (12:30 UTC).
    expect(new Date(callback.callbackAt).getTime()).toBe(start.getTime() + 24 * 3600_000 + 7.5 * 3600_000);
    await until(async () => ((await lead(leadIds[2]!)).status === 'human_input_needed' ? true : null), 30_000);
  }, 60_000);

  it('stores calls without a conversation for the insights, and leaves their leads to the dialer', async () => {
    const voicemail = callEnded(leadIds[3]!, 'AI: Hello?\nUser: (voicemail greeting)', 'voicemail');
    await publish(voicemail);
    const row = await until(async () => (await ds().query(`select call_outcome from intel.transcripts where call_id = $1`, [voicemail.data.callId]))[0], 30_000);
    expect(row.call_outcome).toBe('voicemail');
    expect((await ds().query(`select count(*)::int as n from intel.analyses where call_id = $1`, [voicemail.data.callId]))[0].n).toBe(0);
    expect((await lead(leadIds[3]!)).status).toBe('in_call');
  }, 60_000);

  it('answers the Insights page from the analysed calls, to managers of the tenant only', async () => {
    const conv = await api('GET', `/api/v1/insights/conversation-analysis?days=30&campaign_id=${campaignId}`);
    expect(conv.statusCode).toBe(200);
    const wide = (await api('GET', `/api/v1/insights/conversation-analysis?days=365&campaign_id=${campaignId}`)).json();
    expect(wide).toMatchObject({ analysedCalls: 3, qualifiedCalls: 1, campaignId });
    expect(wide.qualifiedCommon.timelines).toEqual([{ value: '3_months', count: 1 }]);
    expect(wide.priceSensitivity.budgetBands).toEqual([{ value: '5–10 Cr', count: 1 }]);
    const trends = (await api('GET', '/api/v1/insights/trends?days=365')).json();
    // All four calls started 10:30 IST on the same day: one heatmap cell, 3 of 4 answered.
    expect(trends.answerRateByHour).toEqual([{ dow: start.getUTCDay(), hour: 10, calls: 4, answered: 3, rate: 0.75 }]);
    expect(trends.durationByOutcome.map((d: { outcome: string }) => d.outcome).sort()).toEqual(['callback_requested', 'human_input_needed', 'qualified', 'voicemail']);
    // Rebuilding the aggregates from the stored calls gives the same figures as keeping them live.
    const meta = { tenantId: p.tenants.a, actor: { type: 'system' as const, id: 'test' }, correlationId: 'rebuild' };
    expect(await p.rpc.request(rebuildInsightsV1, meta, {})).toEqual({ callsRead: 4 });
    expect((await api('GET', `/api/v1/insights/conversation-analysis?days=365&campaign_id=${campaignId}`)).json()).toEqual(wide);
    expect((await api('GET', '/api/v1/insights/trends?days=365')).json()).toEqual(trends);
    const recs = await api('GET', '/api/v1/insights/recommendations?days=365');
    expect(recs.statusCode).toBe(200);
    expect(recs.json().items).toEqual([]); // four calls are too few to recommend anything
    expect((await api('GET', '/api/v1/insights/trends', agent)).statusCode).toBe(403);
    expect((await api('GET', '/api/v1/insights/trends?days=0')).statusCode).toBe(400);
    const other = await p.user('b', 'manager');
    expect((await api('GET', '/api/v1/insights/conversation-analysis?days=365', other)).json().analysedCalls).toBe(0);
    expect((await api('GET', `/api/v1/leads/${leadIds[0]}/transcripts`, other)).statusCode).toBe(404);
    const callId = (await ds().query(`select call_id from intel.transcripts where lead_id = $1`, [leadIds[0]]))[0].call_id;
    expect((await api('GET', `/api/v1/calls/${callId}/transcript`, other)).statusCode).toBe(404);
    expect((await api('GET', `/api/v1/leads/${leadIds[0]}/transcripts`, agent)).statusCode).toBe(404); // not their lead
  }, 60_000);

  it('keeps the timings of each turn when the dialer forwards them', async () => {
    const [leadId] = (await ds().query(`select id from lead.leads where tenant_id = $1 and contact_person like 'Intel lead %' and status = 'in_call' order by contact_person`, [p.tenants.a])).map((r: { id: string }) => r.id);
    const event = callEnded(leadId, 'AI: Hello, is this a good time?\nUser: Yes. We want a villa in Alibaug, budget around 6 crore, within six months.');
    (event.data as { turns?: unknown }).turns = [
      { role: 'assistant', text: 'Hello, is this a good time?', start: 0.5, end: 2.1 },
      { role: 'user', text: 'Yes. We want a villa in Alibaug, budget around 6 crore, within six months.', start: 2.8, end: 7.9 },
    ];
    await publish(event);
    const transcript = await until(async () => {
      const res = await api('GET', `/api/v1/calls/${event.data.callId}/transcript`);
      return res.statusCode === 200 ? res.json<{ turns: unknown; analysis: { result: { budgetInr: unknown } } }>() : null;
    }, 30_000);
    expect(transcript.turns).toEqual((event.data as { turns?: unknown }).turns);
    expect(transcript.analysis.result.budgetInr).toEqual({ min: 60_000_000, max: 60_000_000 });
  }, 60_000);
});
