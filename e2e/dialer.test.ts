import { setTimeout as sleep } from 'node:timers/promises';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

const SECRET = 'vapi-shared-secret-for-dialer-tests';

/** A fixed-offset zone where it is now between 10:00 and 17:00, so the legal window is open whenever the suite runs. */
function middayZone(): string {
  const hourUtc = new Date().getUTCHours();
  for (let offset = -12; offset <= 14; offset++) {
    const local = (hourUtc + offset + 24) % 24;
    if (local >= 10 && local <= 17) return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  }
  return 'Etc/GMT';
}

async function until<T>(check: () => Promise<T | undefined | false | null>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await check();
    if (v) return v;
    await sleep(100);
  }
  throw new Error('condition not met in time');
}

async function insertLeads(p: TestPlatform, tenantId: string, n: number, zone: string, startAt = 0): Promise<void> {
  await p.gateway.runtime.ds.query(
    `insert into lead.leads (id, tenant_id, contact_person, phone_raw, phone_e164, status, priority, lead_source, time_zone, location, property_name)
     select gen_random_uuid(), $1, 'Dial Lead ' || g, '+9190' || lpad(g::text, 8, '0'), '+9190' || lpad(g::text, 8, '0'), 'to_call', 'medium', 'csv_import', $2, 'Worli, Mumbai', 'Lodha Park'
       from generate_series($3::int, $4::int) g`,
    [tenantId, zone, startAt + 1, startAt + n],
  );
  await p.gateway.runtime.ds.query(
    `insert into lead.lead_counts (tenant_id, status, priority, campaign_key, n) values ($1, 'to_call', 'medium', '00000000-0000-0000-0000-000000000000', $2)
     on conflict (tenant_id, status, priority, campaign_key) do update set n = lead.lead_counts.n + excluded.n`,
    [tenantId, n],
  );
}

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

  async function campaignFor(name: string, leadCount: number, policy: Record<string, unknown>, startAt: number) {
    const zone = middayZone();
    await insertLeads(p, p.tenants.a, leadCount, zone, startAt);
    const persona = (await api('POST', '/api/v1/agent-personas', { name: `${name} persona`, region: 'mumbai', voiceId: 'sim', firstMessage: 'Hello {{lead.first_name}}', scriptTemplate: 'Talk about {{property.name}}' })).json();
    const campaign = (await api('POST', '/api/v1/campaigns', { name, personas: [{ personaId: persona.id, weight: 1 }], callingPolicy: { windowStart: '09:00', windowEnd: '20:00', windowTimeZone: 'campaign', campaignTimeZone: zone, ...policy } })).json();
    const assigned = (await api('POST', `/api/v1/campaigns/${campaign.id}/assign-leads`, { filters: { search: `dial lead` } })).json();
    return { campaign, assigned };
  }

  it('calls 1,000 queued leads within the caps, each lead ending in exactly one terminal state', async () => {
    let overshoots = 0;
    let peak = 0;
    await p.startDialer(
      { TENANT_MAX_CONCURRENT_CALLS: '40', SIMULATOR_OUTCOMES: 'answered:60,no_answer:20,busy:10,failed:10', PROVIDER_CALLS_PER_SECOND: '1000', PACER_TICK_MS: '50' },
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
    const sampler = setInterval(() => void p.dialer!.slots.inUse(p.tenants.a, campaign.id).then((n) => (sampledPeak = Math.max(sampledPeak, n))), 20);
    const ds = p.gateway.runtime.ds;
    await until(async () => {
      const [{ total, open }] = await ds.query(`select count(*)::int as total, count(*) filter (where state <> 'done')::int as open from dialer.queue where campaign_id = $1`, [campaign.id]);
      return total === 1000 && open === 0;
    }, 120_000);
    clearInterval(sampler);

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
    const outcomes: { outcome: string; n: number }[] = await ds.query(`select outcome, count(*)::int as n from dialer.queue where campaign_id = $1 group by outcome order by outcome`, [campaign.id]);
    expect(outcomes.reduce((s, o) => s + o.n, 0)).toBe(1000);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['exhausted', 'spoke']);
    // Lead statuses followed the calls: spoke → follow_up, the rest (one attempt allowed) → unresponsive.
    await until(async () => {
      const statuses: { status: string; n: number }[] = await ds.query(
        `select status, count(*)::int as n from lead.leads where campaign_id = $1 group by status`,
        [campaign.id],
      );
      const spoke = outcomes.find((o) => o.outcome === 'spoke')!.n;
      return statuses.find((s) => s.status === 'follow_up')?.n === spoke && statuses.find((s) => s.status === 'unresponsive')?.n === 1000 - spoke ? statuses : null;
    }, 30_000);
    await p.dialer!.stop();
    p.dialer = null;
  }, 180_000);
});
