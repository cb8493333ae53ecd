import { LEAD_STATUSES, bulkUpdateLeadsV1, changeLeadStatusV1, createLeadV1, deleteLeadV1, leadCountsV1, leadDailyStatsV1, leadRecentStatsV1, leadStatsV1, type Lead } from '@soraaya/contracts';
import { uuid7 } from '@soraaya/service-kit';
import { startLeadTestApp, type LeadTestApp } from '../support/lead-test-app';

const CAMPAIGN = '019aa000-0000-7000-8000-0000000000da';
const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.parse(`${today}T09:00:00Z`) - n * DAY).toISOString();

/**
 * The dashboard's lead figures over the flow read model the triggers keep: the
 * counts "when the period began" must come out right whatever happened since —
 * status changes, campaign moves, deletions — and match the counts read model now.
 */
describe('lead stats for the dashboard', () => {
  let t: LeadTestApp;
  const fresh: Lead[] = [];
  const old: string[] = [];

  beforeAll(async () => {
    t = await startLeadTestApp('stats', { jobs: false });
    // Two leads imported ten days ago, already called (as an import of older leads would carry them).
    for (const i of [1, 2]) {
      const id = uuid7();
      await t.app.runtime.ds.query(
        `insert into lead.leads (id, tenant_id, contact_person, phone_raw, phone_e164, status, priority, lead_source, time_zone, created_at)
         values ($1, $2, $3, $4, $4, 'follow_up', 'medium', 'expo', 'Asia/Kolkata', $5)`,
        [id, t.meta.tenantId, `Old Lead ${i}`, `+91981000000${i}`, daysAgo(10)],
      );
      old.push(id);
    }
    for (const [i, source] of ['website', 'website', 'website', 'referral'].entries()) {
      fresh.push(await t.call(createLeadV1, { contactPerson: `New Lead ${i}`, phone: `98200${String(30000 + i)}`, leadSource: source }));
    }
    await t.call(changeLeadStatusV1, { id: old[0]!, status: 'qualified', reason: 'Confirmed budget on WhatsApp' });
    await t.call(changeLeadStatusV1, { id: fresh[0]!.id, status: 'human_input_needed', reason: 'Asked for a broker' });
    await t.call(bulkUpdateLeadsV1, { ids: [fresh[1]!.id, fresh[2]!.id], changes: { campaignId: CAMPAIGN } });
    await t.call(deleteLeadV1, { id: fresh[3]!.id });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('gives the counts now (as the counts read model) and when the period began (as they were)', async () => {
    const stats = await t.call(leadStatsV1, { days: 7 });
    const counts = await t.call(leadCountsV1, {});
    expect(Object.keys(stats.now)).toEqual([...LEAD_STATUSES]);
    for (const s of LEAD_STATUSES) expect(stats.now[s]).toBe(counts.byStatus[s] ?? 0);
    expect(stats.now).toMatchObject({ to_call: 2, follow_up: 1, qualified: 1, human_input_needed: 1 });
    // Seven days ago only the two old leads existed, both in follow_up.
    expect(Object.entries(stats.atPeriodStart).filter(([, n]) => n)).toEqual([['follow_up', 2]]);
    // Over eleven days, nothing existed at the start.
    expect(Object.values((await t.call(leadStatsV1, { days: 11 })).atPeriodStart).every((n) => n === 0)).toBe(true);
  });

  it('counts leads added per period and source, and moves into qualified per source', async () => {
    const stats = await t.call(leadStatsV1, { days: 7 });
    expect(stats.created).toEqual({ period: 4, previousPeriod: 2, today: 4, yesterday: 0 });
    expect(stats.createdTodayBySource).toEqual([
      { source: 'website', count: 3 },
      { source: 'referral', count: 1 },
    ]);
    expect(stats.sources).toEqual([
      { source: 'website', created: 3, qualified: 0 },
      { source: 'referral', created: 1, qualified: 0 },
      { source: 'expo', created: 0, qualified: 1 },
    ]);
    const daily = await t.call(leadDailyStatsV1, { days: 30 });
    expect(daily.days).toEqual([
      { day: daysAgo(10).slice(0, 10), created: 2, qualified: 0 },
      { day: today, created: 4, qualified: 1 },
    ]);
  });

  it('follows leads into a campaign: there now, not there when the period began', async () => {
    const stats = await t.call(leadStatsV1, { days: 7, campaignId: CAMPAIGN });
    expect(Object.entries(stats.now).filter(([, n]) => n)).toEqual([['to_call', 2]]);
    expect(Object.values(stats.atPeriodStart).every((n) => n === 0)).toBe(true);
    expect((await t.call(leadCountsV1, { campaignId: CAMPAIGN })).total).toBe(2);
  });

  it('lists recent notable moves with names, and names only live leads (an agent: only theirs)', async () => {
    const recent = await t.call(leadRecentStatsV1, { limit: 10, leadIds: [fresh[0]!.id, fresh[3]!.id] });
    expect(recent.moves.map((m) => [m.contactPerson, m.from, m.to])).toEqual([
      ['New Lead 0', 'to_call', 'human_input_needed'],
      ['Old Lead 1', 'follow_up', 'qualified'],
    ]);
    expect(recent.leads).toEqual([{ id: fresh[0]!.id, contactPerson: 'New Lead 0' }]);
    expect(await t.call(leadRecentStatsV1, { limit: 10, leadIds: [fresh[0]!.id], assignedUserId: uuid7() })).toEqual({ moves: [], leads: [] });
  });

  it('keeps tenants apart', async () => {
    const other = await t.call(leadStatsV1, { days: 7 }, { tenantId: uuid7() });
    expect(Object.values(other.now).every((n) => n === 0)).toBe(true);
    expect(other.created).toEqual({ period: 0, previousPeriod: 0, today: 0, yesterday: 0 });
  });
});
