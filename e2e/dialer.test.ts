import { changeLeadStatusV1 } from '@soraaya/contracts';
import { middayZone } from '@soraaya/service-kit/testing';
import { campaignWithLeads, until } from './support/dialer-fixtures';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

const SECRET = 'vapi-shared-secret-for-dialer-tests';

describe('dialer with the simulator, end to end through the gateway', () => {
  let p: TestPlatform;
  let manager: TestUser;
  const api = (method: string, url: string, body?: unknown) => p.request({ method, url, user: manager, body });

  beforeAll(async () => {
    p = await startPlatform('dialer', { VAPI_WEBHOOK_SECRET: SECRET }, { campaign: true, listen: true });
    manager = await p.user('a', 'manager');
  });
  afterAll(async () => {
    await p.stop();
  });

  const campaignFor = (name: string, leadCount: number, policy: Record<string, unknown>, startAt: number, zone?: string) =>
    campaignWithLeads(p, manager, name, leadCount, policy, startAt, zone);

  it('calls 1,000 queued leads within the caps, each lead ending in exactly one terminal state', async () => {
    let overshoots = 0;
    let peak = 0;
    await p.startDialer(
      {
        TENANT_MAX_CONCURRENT_CALLS: '40',
        SIMULATOR_OUTCOMES: 'answered:60,no_answer:20,busy:10,failed:10',
        PROVIDER_CALLS_PER_SECOND: '1000',
        PACER_TICK_MS: '50',
      },
      {
        onSlotTaken: (_c, inUse, cap) => {
          peak = Math.max(peak, inUse);
          if (inUse > cap) overshoots++;
        },
      },
    );
    const { campaign, assigned } = await campaignFor('Thousand', 1000, { maxConcurrentCalls: 25, maxAttempts: 1 }, 0);
    expect(assigned.assigned).toBe(1000);
    expect((await api('POST', `/api/v1/campaigns/${campaign.id}/start`)).statusCode).toBe(200);

    // Sample the live slot count while it runs: never above the campaign cap.
    let sampledPeak = 0;
    const sampler = setInterval(
      () =>
        void p
          .dialer!.slots.inUse(p.tenants.a, campaign.id)
          .then((n) => (sampledPeak = Math.max(sampledPeak, n)))
          .catch(() => undefined), // a sample still in flight when the dialer stops
      20,
    );
    const ds = p.gateway.runtime.ds;
    try {
      await until(async () => {
        const [{ total, open }] = await ds.query(
          `select count(*)::int as total, count(*) filter (where state <> 'done')::int as open from dialer.queue where campaign_id = $1`,
          [campaign.id],
        );
        return total === 1000 && open === 0;
      }, 150_000);
    } finally {
      clearInterval(sampler); // even when the run times out: a leaked timer would keep sampling a closed Redis
    }

    expect(overshoots).toBe(0);
    expect(peak).toBeLessThanOrEqual(25);
    expect(peak).toBeGreaterThan(5); // it did run calls in parallel
    expect(sampledPeak).toBeLessThanOrEqual(25);
    const calls: { lead_id: string; n: number; open: number }[] = await ds.query(
      `select lead_id, count(*)::int as n, count(*) filter (where state <> 'ended')::int as open from dialer.calls where campaign_id = $1 group by lead_id`,
      [campaign.id],
    );
    expect(calls).toHaveLength(1000);
    expect(calls.every((c) => c.n === 1 && c.open === 0)).toBe(true);
    const outcomes: { outcome: string; n: number }[] = await ds.query(
      `select outcome, count(*)::int as n from dialer.queue where campaign_id = $1 group by outcome order by outcome`,
      [campaign.id],
    );
    expect(outcomes.reduce((s, o) => s + o.n, 0)).toBe(1000);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['exhausted', 'spoke']);
    // Lead statuses followed the calls: spoke → follow_up, the rest (one attempt allowed) → unresponsive.
    await until(async () => {
      const statuses: { status: string; n: number }[] = await ds.query(
        `select status, count(*)::int as n from lead.leads where campaign_id = $1 group by status`,
        [campaign.id],
      );
      const spoke = outcomes.find((o) => o.outcome === 'spoke')!.n;
      return statuses.find((s) => s.status === 'follow_up')?.n === spoke &&
        statuses.find((s) => s.status === 'unresponsive')?.n === 1000 - spoke
        ? statuses
        : null;
    }, 30_000);
    await p.dialer!.stop();
    p.dialer = null;
  }, 210_000);

  it('checks compliance before every dial and records each skip', async () => {
    await p.startDialer({ PROVIDER_CALLS_PER_SECOND: '1000', PACER_TICK_MS: '50' });
    const ds = p.gateway.runtime.ds;
    const { campaign } = await campaignFor('Compliance', 4, { maxConcurrentCalls: 2, maxAttempts: 1 }, 2000);
    const leads: { id: string; contact_person: string }[] = await ds.query(
      `select id, contact_person from lead.leads where campaign_id = $1 order by contact_person`,
      [campaign.id],
    );
    await until(async () =>
      (await ds.query(`select count(*)::int as n from dialer.queue where campaign_id = $1`, [campaign.id]))[0].n === 4 ? true : null,
    );
    // One number on the DNC list, one lead a person already qualified.
    const dncLead = (await api('GET', `/api/v1/leads/${leads[0]!.id}`)).json().lead;
    expect((await api('POST', '/api/v1/dnc', { phone: dncLead.phoneE164, reason: 'asked not to be called' })).statusCode).toBe(201);
    await ds.query(`update lead.leads set status = 'qualified' where id = $1`, [leads[1]!.id]);
    await until(async () =>
      (await ds.query(`select count(*)::int as n from dialer.dnc where phone_e164 = $1`, [dncLead.phoneE164]))[0].n === 1 ? true : null,
    );
    expect((await api('POST', '/api/v1/calling/start', { campaignId: campaign.id })).json().status).toBe('active');
    await until(
      async () =>
        (await ds.query(`select count(*)::int as n from dialer.queue where campaign_id = $1 and state = 'done'`, [campaign.id]))[0].n === 4
          ? true
          : null,
      30_000,
    );
    const skips: { lead_id: string; reason: string; detail: string }[] = await ds.query(
      `select lead_id, reason, detail from dialer.skips where campaign_id = $1 order by reason`,
      [campaign.id],
    );
    expect(skips).toEqual([
      { lead_id: leads[0]!.id, reason: 'dnc', detail: `${dncLead.phoneE164} is on the do-not-call list` },
      { lead_id: leads[1]!.id, reason: 'lead_status', detail: 'lead is qualified' },
    ]);
    const calls: { lead_id: string }[] = await ds.query(`select lead_id from dialer.calls where campaign_id = $1`, [campaign.id]);
    expect(calls.map((c) => c.lead_id).sort()).toEqual([leads[2]!.id, leads[3]!.id].sort());
    const status = (await api('GET', '/api/v1/calling/status')).json();
    expect(status.campaigns.find((c: { campaignId: string }) => c.campaignId === campaign.id)).toMatchObject({
      done: 4,
      maxConcurrentCalls: 2,
      callsToday: 2,
    });
    const leadCalls = (await api('GET', `/api/v1/calls?leadId=${leads[2]!.id}`)).json();
    expect(leadCalls.items).toHaveLength(1);
    expect(leadCalls.items[0]).toMatchObject({ state: 'ended', provider: 'simulator', attempt: 1 });
  }, 60_000);

  it('reschedules a lead outside its calling window to the next opening instead of dialing', async () => {
    const ds = p.gateway.runtime.ds;
    // A window that is closed now in the campaign's zone: it opens 3 hours from now (local), for an hour.
    const zone = middayZone();
    const localHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    const open = `${String(Math.min(localHour + 3, 19)).padStart(2, '0')}:00`;
    const close = `${String(Math.min(localHour + 4, 20)).padStart(2, '0')}:00`;
    const { campaign } = await campaignFor('Window', 1, { maxConcurrentCalls: 1, windowStart: open, windowEnd: close }, 3000, zone);
    await until(async () =>
      (await ds.query(`select count(*)::int as n from dialer.queue where campaign_id = $1`, [campaign.id]))[0].n === 1 ? true : null,
    );
    await api('POST', `/api/v1/campaigns/${campaign.id}/start`);
    const skip = await until(
      async () => (await ds.query(`select reason, rescheduled_to from dialer.skips where campaign_id = $1`, [campaign.id]))[0],
    );
    expect(skip.reason).toBe('outside_window');
    const opensAt = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      skip.rescheduled_to,
    );
    expect(opensAt).toBe(open);
    const [queued] = await ds.query(`select state, attempts from dialer.queue where campaign_id = $1`, [campaign.id]);
    expect(queued).toEqual({ state: 'waiting', attempts: 0 });
    expect((await ds.query(`select count(*)::int as n from dialer.calls where campaign_id = $1`, [campaign.id]))[0].n).toBe(0);
    expect((await api('POST', '/api/v1/calling/stop', {})).json().paused).toContain(campaign.id);
    await p.dialer!.stop();
    p.dialer = null;
  }, 60_000);

  it('dials a callback the lead asked for at that time, even after its last attempt', async () => {
    const ds = p.gateway.runtime.ds;
    await p.startDialer({ PROVIDER_CALLS_PER_SECOND: '1000', PACER_TICK_MS: '50', SIMULATOR_OUTCOMES: 'answered:100' });
    const { campaign } = await campaignFor('Callback', 1, { maxConcurrentCalls: 1, maxAttempts: 1 }, 5000);
    await until(async () => ((await ds.query(`select count(*)::int as n from dialer.queue where campaign_id = $1`, [campaign.id]))[0].n === 1 ? true : null));
    await api('POST', `/api/v1/campaigns/${campaign.id}/start`);
    const [{ lead_id: leadId }] = await ds.query(`select lead_id from dialer.queue where campaign_id = $1`, [campaign.id]);
    await until(async () => ((await ds.query(`select status from lead.leads where id = $1`, [leadId]))[0].status === 'follow_up' ? true : null), 30_000);

    // Intelligence heard "call me back in a moment": the lead service records it, the dialer books it.
    const callbackAt = new Date(Date.now() + 3000);
    const meta = { tenantId: p.tenants.a, actor: { type: 'service' as const, id: 'intelligence' }, correlationId: `callback-${leadId}` };
    await p.rpc.request(changeLeadStatusV1, meta, { id: leadId, status: 'callback_requested', callbackAt: callbackAt.toISOString() });
    const second = await until(async () => (await ds.query(`select attempt, created_at from dialer.calls where lead_id = $1 and attempt = 2`, [leadId]))[0], 30_000);
    expect(second.created_at.getTime()).toBeGreaterThanOrEqual(callbackAt.getTime() - 100); // not before the time asked (clock granularity)
    expect(second.created_at.getTime()).toBeLessThan(callbackAt.getTime() + 5000);
    const [queued] = await ds.query(`select attempts, callback_at from dialer.queue where lead_id = $1`, [leadId]);
    expect(queued).toEqual({ attempts: 2, callback_at: null }); // one extra dial, used
    expect((await ds.query(`select count(*)::int as n from dialer.skips where lead_id = $1`, [leadId]))[0].n).toBe(0);
    await p.dialer!.stop();
    p.dialer = null;
  }, 60_000);

  it('survives being killed mid-campaign: no attempt dialed twice, no call left hanging', async () => {
    const ds = p.gateway.runtime.ds;
    // Calls take a few seconds; the dialer dies while many are in flight.
    await p.startDialer({
      PROVIDER_CALLS_PER_SECOND: '1000',
      PACER_TICK_MS: '50',
      SIMULATOR_SPEED: '0.05',
      SIMULATOR_OUTCOMES: 'answered:100',
    });
    // One attempt each: a call the crash left silent ends as failed and its lead is finished (no retry hours later).
    const { campaign } = await campaignFor('Crash', 60, { maxConcurrentCalls: 20, maxAttempts: 1 }, 4000);
    await until(async () =>
      (await ds.query(`select count(*)::int as n from dialer.queue where campaign_id = $1`, [campaign.id]))[0].n === 60 ? true : null,
    );
    await api('POST', `/api/v1/campaigns/${campaign.id}/start`);
    await until(async () =>
      (await ds.query(`select count(*)::int as n from dialer.calls where campaign_id = $1`, [campaign.id]))[0].n >= 20 ? true : null,
    );
    await p.dialer!.stop(); // the simulator's pending webhooks die with it: those calls go silent
    p.dialer = null;
    const inFlight = (
      await ds.query(`select count(*)::int as n from dialer.calls where campaign_id = $1 and state <> 'ended'`, [campaign.id])
    )[0].n;
    expect(inFlight).toBeGreaterThan(0);
    await p.startDialer({
      PROVIDER_CALLS_PER_SECOND: '1000',
      PACER_TICK_MS: '50',
      SIMULATOR_SPEED: '0.01',
      SIMULATOR_OUTCOMES: 'answered:100',
      CALL_STALE_SECONDS: '5',
      REAPER_INTERVAL_SECONDS: '1',
    });
    await until(async () => {
      const [{ open, done }] = await ds.query(
        `select (select count(*)::int from dialer.calls where campaign_id = $1 and state <> 'ended') as open,
                (select count(*)::int from dialer.queue where campaign_id = $1 and state = 'done') as done`,
        [campaign.id],
      );
      return open === 0 && done === 60;
    }, 90_000);
    const perAttempt: { n: number }[] = await ds.query(
      `select count(*)::int as n from dialer.calls where campaign_id = $1 group by lead_id, attempt having count(*) > 1`,
      [campaign.id],
    );
    expect(perAttempt).toEqual([]);
    const stale: { n: number }[] = await ds.query(
      `select count(*)::int as n from dialer.calls where campaign_id = $1 and ended_reason like 'stale:%'`,
      [campaign.id],
    );
    expect(stale[0]!.n).toBe(inFlight); // exactly the calls the dead dialer left open were recovered
    expect(await p.dialer!.slots.inUse(p.tenants.a, campaign.id)).toBe(0);
  }, 150_000);
});
