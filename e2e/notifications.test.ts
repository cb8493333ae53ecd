import { callEndedV1, dialerCircuitOpenedV1, intelAnalysisCompletedV1, leadImportCompletedV1, type CallAnalysis } from '@soraaya/contracts';
import { uuid7 } from '@soraaya/service-kit';
import { createServer, type Server } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { insertLeads, until } from './support/dialer-fixtures';
import { eventOf, publishEvent } from './support/events';
import { connectLive } from './support/live-client';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

/**
 * From each triggering event to the stored notification and its deliveries,
 * through the real notification service, with a clock the test moves (SLA
 * escalation, callback reminders, delivery backoff), the gateway's live feed
 * over a real WebSocket, and email through a real SMTP server on loopback.
 */
describe('notifications', () => {
  let p: TestPlatform;
  let manager: TestUser;
  let agent: TestUser;
  let otherAgent: TestUser;
  let otherTenantAgent: TestUser;
  let now = new Date();
  let smtpPort: number;
  const leads: string[] = [];
  const ds = () => p.gateway.runtime.ds;
  const api = (method: string, url: string, user: TestUser = manager, body?: unknown) => p.request({ method, url, user, body });
  const notificationsOf = async (where: string, params: unknown[]) => ds().query(`select * from notification.notifications where ${where} order by created_at`, params);
  const analysis = (a: Partial<CallAnalysis>): CallAnalysis => ({
    outcome: 'follow_up',
    budgetInr: null,
    timeline: null,
    propertyType: null,
    locations: [],
    financing: null,
    decisionMaker: null,
    interestLevel: 'medium',
    sentiment: 'neutral',
    turnSentiments: [],
    objections: [],
    amenities: [],
    actionItems: [],
    callbackAt: null,
    humanNeeded: null,
    score: 50,
    scoreReasons: [],
    summary: 'A call.',
    ...a,
  });
  const analysed = (leadId: string, a: Partial<CallAnalysis>) =>
    eventOf(intelAnalysisCompletedV1, p.tenants.a, { callId: uuid7(), leadId, campaignId: null, personaId: null, analyzer: 'offline', fallbackReason: null, analysis: analysis(a), leadStatus: null });

  beforeAll(async () => {
    // A port with nothing listening yet: the first email attempts fail, then an SMTP server appears on it.
    const probe: Server = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    smtpPort = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
    p = await startPlatform('notif', { EMAIL_DRIVER: 'smtp', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, ESCALATION_SLA_MINUTES: '15' }, { listen: true, notification: { clock: () => now, timers: false } });
    [manager, agent, otherAgent, otherTenantAgent] = await Promise.all([p.user('a', 'manager'), p.user('a', 'agent'), p.user('a', 'agent', 'a-agent-2'), p.user('b', 'agent')]);
    await insertLeads(p, p.tenants.a, 4, 'Asia/Kolkata', 70_000, 'Notif lead');
    leads.push(...(await ds().query(`select id from lead.leads where contact_person like 'Notif lead %' order by contact_person`)).map((r: { id: string }) => r.id));
    await ds().query(`update lead.leads set assigned_user_id = $2 where id = $1`, [leads[0], agent.id]);
  });
  afterAll(async () => {
    await p.stop();
  });

  it('raises a qualified-lead notification for the lead owner once, shows it live within a second, and delivers by email with retries', async () => {
    const live = await connectLive(p.baseUrl!, agent.accessToken);
    live.ws.send(JSON.stringify({ type: 'subscribe', topics: ['notifications'] }));
    await until(async () => (live.messages.some((m) => m.type === 'subscribed') ? true : null), 5000);

    const event = analysed(leads[0]!, { outcome: 'qualified', score: 86, summary: 'Wants a 4BHK in Worli, 12 Cr, within 3 months.' });
    const sentAt = Date.now();
    await publishEvent(p, intelAnalysisCompletedV1, event);
    await publishEvent(p, intelAnalysisCompletedV1, event); // redelivered
    const pushed = await until(async () => live.messages.find((m) => m.type === 'event'), 5000);
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(pushed).toMatchObject({ topic: 'notifications', event: { type: 'notification.created', data: { notification: { type: 'qualified_lead_ready', priority: 'high', leadId: leads[0], assignedUserId: agent.id } } } });
    live.ws.close();

    // Another qualified reading of the same lead while the first is open: the same situation, nothing new.
    await publishEvent(p, intelAnalysisCompletedV1, analysed(leads[0]!, { outcome: 'qualified', score: 90 }));
    await new Promise((r) => setTimeout(r, 1500));
    const rows = await notificationsOf(`lead_id = $1`, [leads[0]]);
    expect(rows).toHaveLength(1);
    const n = rows[0];

    // Deliveries: in-app sent with the event; email to the agent's login address, pending.
    const deliveries = async () => ds().query(`select channel, status, address, attempts, last_error, next_attempt_at from notification.deliveries where notification_id = $1 order by channel`, [n.id]);
    expect(await deliveries()).toMatchObject([
      { channel: 'email', status: 'pending', address: agent.email, attempts: 0 },
      { channel: 'in_app', status: 'sent' },
    ]);
    // Nothing listens on the SMTP port: attempt 1 fails and is retried after the backoff.
    await p.notification!.jobs.deliverDue(now);
    const [failed] = await deliveries();
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringMatching(/ECONNREFUSED/) });
    expect(new Date(failed.next_attempt_at).getTime()).toBe(now.getTime() + 5000);
    expect(await p.notification!.jobs.deliverDue(now)).toBe(0); // not before its time

    const received: { to: string; body: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (c: Buffer) => (body += c.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r));
    try {
      now = new Date(now.getTime() + 6000);
      await p.notification!.jobs.deliverDue(now);
      const [sent] = await deliveries();
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toBe(agent.email);
      expect(received[0]!.body).toContain('Subject: [high] Qualified lead ready (score 86)');
      expect(received[0]!.body).toContain('Wants a 4BHK in Worli, 12 Cr, within 3 months.');
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  }, 60_000);

  it('escalates a high-priority notification nobody picked up within the SLA, once', async () => {
    await publishEvent(p, intelAnalysisCompletedV1, analysed(leads[1]!, { outcome: 'human_input_needed', humanNeeded: 'legal_question', summary: 'Asked whether the project is RERA registered.' }));
    const [n] = await until(async () => {
      const rows = await notificationsOf(`lead_id = $1`, [leads[1]]);
      return rows.length ? rows : null;
    }, 15_000);
    expect(n).toMatchObject({ type: 'human_intervention', priority: 'high', assigned_user_id: null, escalated: false });
    // Unassigned: it went to the tenant's manager (the agents do not own the lead).
    const recipients = (await ds().query(`select distinct user_id from notification.deliveries where notification_id = $1 and reason = 'created'`, [n.id])).map((r: { user_id: string }) => r.user_id);
    expect(recipients).toEqual([manager.id]);

    now = new Date(now.getTime() + 14 * 60_000);
    expect(await p.notification!.jobs.escalateOverdue(now)).toBe(0);
    now = new Date(now.getTime() + 2 * 60_000);
    // This one and the first test's qualified lead (high, still pending) are both past the SLA now.
    expect(await p.notification!.jobs.escalateOverdue(now)).toBe(2);
    expect(await p.notification!.jobs.escalateOverdue(now)).toBe(0);
    const [escalated] = await notificationsOf(`id = $1`, [n.id]);
    expect(escalated).toMatchObject({ escalated: true, status: 'pending' });
    expect(new Date(escalated.escalated_at).getTime()).toBe(now.getTime());
    expect((await ds().query(`select count(*)::int as n from notification.deliveries where notification_id = $1 and reason = 'escalated' and channel = 'email'`, [n.id]))[0].n).toBe(1);
    const listed = (await api('GET', '/api/v1/notifications?priority=high&status=pending&assigned=unassigned')).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(n.id);
    expect(listed.items.find((i: { id: string }) => i.id === n.id).escalated).toBe(true);
    // The SRE view: pending by priority, and the email attempts so far (one refused, one sent).
    const metrics = (await p.notification!.http.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/soraaya_notifications_pending\{[^}]*priority="high"[^}]*\} 2\b/);
    expect(metrics).toMatch(/soraaya_notification_deliveries_total\{[^}]*channel="email"[^}]*result="sent"[^}]*\} 1\b/);
    expect(metrics).toMatch(/soraaya_notification_deliveries_total\{[^}]*channel="email"[^}]*result="retry"[^}]*\} 1\b/);
  }, 60_000);

  it('raises one technical issue for repeated call failures, a system alert for a provider circuit, and a data-validation notice for a bad import', async () => {
    const failedCall = () =>
      eventOf(callEndedV1, p.tenants.a, {
        callId: uuid7(),
        leadId: leads[2]!,
        campaignId: null,
        personaId: null,
        attempt: 1,
        outcome: 'failed',
        endedReason: 'twilio:failed',
        durationSeconds: 0,
        costUsd: 0,
        recordingUrl: null,
        transcript: null,
        summary: null,
        startedAt: now.toISOString(),
        endedAt: now.toISOString(),
      });
    for (let i = 0; i < 4; i++) await publishEvent(p, callEndedV1, failedCall());
    const campaignId = uuid7();
    const circuit = eventOf(dialerCircuitOpenedV1, p.tenants.a, { provider: 'vapi', campaignId, errorRate: 0.75, window: 20, lastError: 'VAPI POST /call answered 500' });
    await publishEvent(p, dialerCircuitOpenedV1, circuit);
    await publishEvent(p, dialerCircuitOpenedV1, circuit);
    const importId = uuid7();
    await publishEvent(p, leadImportCompletedV1, eventOf(leadImportCompletedV1, p.tenants.a, { importId, status: 'completed', fileName: 'expo-leads.csv', counts: { rowsRead: 100, created: 70, merged: 0, unchanged: 0, rejected: 30, warnings: 2 }, error: null }));
    await publishEvent(p, leadImportCompletedV1, eventOf(leadImportCompletedV1, p.tenants.a, { importId: uuid7(), status: 'completed', fileName: 'clean.csv', counts: { rowsRead: 100, created: 99, merged: 0, unchanged: 0, rejected: 1, warnings: 0 }, error: null }));
    const byType = await until(async () => {
      const rows: { type: string; priority: string; title: string }[] = await notificationsOf(`tenant_id = $1 and type in ('technical_issue', 'system_alert', 'data_validation')`, [p.tenants.a]);
      return rows.length >= 3 ? rows : null;
    }, 15_000);
    await new Promise((r) => setTimeout(r, 1000)); // let the 4th failure and the duplicate circuit event land
    const final: { type: string; priority: string; title: string }[] = await notificationsOf(`tenant_id = $1 and type in ('technical_issue', 'system_alert', 'data_validation')`, [p.tenants.a]);
    expect(final.map((r) => `${r.type}:${r.priority}:${r.title}`).sort()).toEqual(
      ['data_validation:medium:Import "expo-leads.csv" needs review', 'system_alert:high:Calling paused: vapi is failing', 'technical_issue:medium:3 calls in a row failed'].sort(),
    );
    expect(byType.length).toBe(3);
    // Each reached the tenant's manager (no lead owner): in-app with the event, email queued for the delivery job.
    const delivered: { type: string; channel: string; status: string; user_id: string }[] = await ds().query(
      `select n.type, d.channel, d.status, d.user_id from notification.deliveries d join notification.notifications n on n.id = d.notification_id
        where n.type in ('technical_issue', 'system_alert', 'data_validation') order by n.type, d.channel`,
    );
    expect(delivered.map((d) => `${d.type}:${d.channel}:${d.status}:${d.user_id === manager.id}`)).toEqual(
      ['data_validation', 'system_alert', 'technical_issue'].flatMap((t) => [`${t}:email:pending:true`, `${t}:in_app:sent:true`]),
    );
    expect((await ds().query(`select consecutive from notification.call_failures where lead_id = $1`, [leads[2]]))[0].consecutive).toBe(4);
  }, 60_000);

  it('reminds about a callback an hour before it is due', async () => {
    const callbackAt = new Date(now.getTime() + 3 * 3600_000).toISOString();
    await publishEvent(p, intelAnalysisCompletedV1, analysed(leads[3]!, { outcome: 'callback_requested', callbackAt }));
    await until(async () => ((await ds().query(`select count(*)::int as n from notification.callback_reminders where lead_id = $1`, [leads[3]]))[0].n === 1 ? true : null), 15_000);
    expect(await notificationsOf(`lead_id = $1`, [leads[3]])).toHaveLength(0);
    now = new Date(now.getTime() + 110 * 60_000);
    expect(await p.notification!.jobs.remindCallbacks(now)).toBe(0);
    now = new Date(now.getTime() + 11 * 60_000);
    expect(await p.notification!.jobs.remindCallbacks(now)).toBe(1);
    const [reminder] = await notificationsOf(`lead_id = $1`, [leads[3]]);
    expect(reminder).toMatchObject({ type: 'urgent_callback', priority: 'high' });
    expect(await p.notification!.jobs.remindCallbacks(now)).toBe(0);
  }, 60_000);

  it('lets people work notifications through the API: badge, filters, status, assign, bulk resolve, delete, preferences', async () => {
    const badge = (await api('GET', '/api/v1/notifications/unread-count')).json();
    expect(badge.pending).toBeGreaterThanOrEqual(5);
    expect((await api('GET', '/api/v1/notifications/unread-count', agent)).json()).toEqual({ pending: 1, highPriority: 1 }); // only the one assigned to them

    const mine = (await api('GET', '/api/v1/notifications?assigned=me', agent)).json().items;
    expect(mine).toHaveLength(1);
    const started = await api('PUT', `/api/v1/notifications/${mine[0].id}`, agent, { status: 'in_progress' });
    expect(started.json()).toMatchObject({ status: 'in_progress', assignedUserId: agent.id });
    const resolved = await api('PUT', `/api/v1/notifications/${mine[0].id}`, agent, { status: 'resolved', resolutionNote: 'Site visit booked for Saturday' });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolutionNote: 'Site visit booked for Saturday', resolvedBy: agent.id });
    expect((await api('PUT', `/api/v1/notifications/${mine[0].id}`, agent, { status: 'in_progress' })).statusCode).toBe(409);
    expect((await api('PUT', `/api/v1/notifications/${mine[0].id}`, agent, { status: 'done' })).statusCode).toBe(400);

    const technical = (await api('GET', '/api/v1/notifications?type=technical_issue')).json().items[0];
    expect((await api('POST', `/api/v1/notifications/${technical.id}/assign`, agent, { userId: agent.id })).statusCode).toBe(403);
    expect((await api('POST', `/api/v1/notifications/${technical.id}/assign`, manager, { userId: otherAgent.id })).json().assignedUserId).toBe(otherAgent.id);
    expect((await api('GET', '/api/v1/notifications', otherAgent)).json().items.map((i: { id: string }) => i.id)).toEqual([technical.id]);

    const open = (await api('GET', '/api/v1/notifications?status=pending,in_progress&limit=2')).json();
    expect(open.items).toHaveLength(2);
    expect(open.nextCursor).toEqual(expect.any(String));
    const page2 = (await api('GET', `/api/v1/notifications?status=pending,in_progress&limit=2&cursor=${open.nextCursor}`)).json();
    expect(page2.items.map((i: { id: string }) => i.id)).not.toContain(open.items[0].id);
    const missing = uuid7();
    const bulk = (await api('POST', '/api/v1/notifications/bulk-resolve', manager, { ids: [...open.items.map((i: { id: string }) => i.id), mine[0].id, missing], resolutionNote: 'Handled in the weekly review' })).json();
    expect(bulk).toEqual({ resolved: open.items.map((i: { id: string }) => i.id), notFound: [missing], alreadyClosed: [mine[0].id] });
    expect((await api('DELETE', `/api/v1/notifications/${technical.id}`)).statusCode).toBe(200);
    expect((await api('DELETE', `/api/v1/notifications/${technical.id}`)).statusCode).toBe(404);

    const prefs = { channels: { in_app: true, email: true, sms: true }, quietHours: { start: '22:00', end: '07:00', timeZone: 'Asia/Kolkata' }, minPriority: 'high', email: null, phone: '+919820012345' };
    expect((await api('PUT', '/api/v1/notifications/preferences', agent, prefs)).json()).toEqual(prefs);
    expect((await api('GET', '/api/v1/notifications/preferences', agent)).json()).toEqual(prefs);
    const bad = await api('PUT', '/api/v1/notifications/preferences', agent, { ...prefs, phone: '98200 12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('phone');
  }, 60_000);

  it("keeps each tenant's notifications to itself", async () => {
    const [ofA] = await notificationsOf(`tenant_id = $1`, [p.tenants.a]);
    expect((await api('GET', '/api/v1/notifications', otherTenantAgent)).json().items).toEqual([]);
    expect((await api('GET', '/api/v1/notifications/unread-count', otherTenantAgent)).json()).toEqual({ pending: 0, highPriority: 0 });
    expect((await api('PUT', `/api/v1/notifications/${ofA.id}`, otherTenantAgent, { status: 'resolved' })).statusCode).toBe(404);
    const otherManager = await p.user('b', 'manager');
    expect((await api('PUT', `/api/v1/notifications/${ofA.id}`, otherManager, { status: 'resolved' })).statusCode).toBe(404);
    expect((await api('DELETE', `/api/v1/notifications/${ofA.id}`, otherManager)).statusCode).toBe(404);
    expect((await api('POST', '/api/v1/notifications/bulk-resolve', otherManager, { ids: [ofA.id] })).json()).toEqual({ resolved: [], notFound: [ofA.id], alreadyClosed: [] });
    expect((await notificationsOf(`id = $1`, [ofA.id]))[0].status).toBe(ofA.status);
  }, 60_000);
});
