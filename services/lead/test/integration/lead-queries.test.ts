import {
  LEAD_STATUSES,
  bulkUpdateLeadsV1,
  changeLeadStatusV1,
  createLeadV1,
  leadCountsV1,
  listLeadsV1,
  silentLeadsV1,
  type Lead,
  type LeadFilters,
  type LeadSort,
} from '@soraaya/contracts';
import { uuid7 } from '@soraaya/service-kit';
import { readEvents, startLeadTestApp, waitForOutboxDrained, type LeadTestApp } from '../support/lead-test-app';

const CITIES = ['Worli, Mumbai', 'Bandra West, Mumbai', 'Hebbal, Bangalore', 'Kalyani Nagar, Pune'];
const CAMPAIGN_A = '019aa000-0000-7000-8000-0000000000ca';

describe('lead queries: filters, keyset pages, totals, silent leads, bulk updates', () => {
  let t: LeadTestApp;
  let all: Lead[];

  beforeAll(async () => {
    t = await startLeadTestApp('queries', { jobs: false });
    all = [];
    for (let i = 0; i < 60; i++) {
      all.push(
        await t.call(createLeadV1, {
          contactPerson: `${['Aarav', 'Priya', 'Rohan', 'Meera', 'Karan'][i % 5]} Test${String(i).padStart(2, '0')}`,
          phone: `98200${String(20000 + i)}`,
          email: `lead${i}@example.in`,
          location: CITIES[i % 4],
          priority: (['high', 'medium', 'low'] as const)[i % 3],
          priceRange: `₹${(i % 9) + 3} Cr`,
          purchaseTimeline: i % 4 === 0 ? 'immediate' : null,
          financingStatus: i % 6 === 0 ? 'cash_buyer' : null,
          status: LEAD_STATUSES[i % LEAD_STATUSES.length],
          leadSource: i % 2 ? 'referral' : 'csv_import',
        }),
      );
    }
    await t.call(bulkUpdateLeadsV1, { ids: all.filter((_, i) => i % 5 === 0).map((l) => l.id), changes: { campaignId: CAMPAIGN_A } });
    all = (await t.call(listLeadsV1, { limit: 200 })).items;
  });
  afterAll(async () => {
    await t.stop();
  });

  /** The same filter and order computed in plain code: what every page walk must equal. */
  function reference(filters: LeadFilters, sort: LeadSort = { field: 'createdAt', direction: 'desc' }): string[] {
    const s = filters.search?.toLowerCase();
    const rows = all.filter(
      (l) =>
        (!filters.statuses || filters.statuses.includes(l.status)) &&
        (!filters.priorities || filters.priorities.includes(l.priority)) &&
        (!filters.campaignId || (filters.campaignId === 'none' ? l.campaignId === null : l.campaignId === filters.campaignId)) &&
        (!s || `${l.contactPerson} ${l.email} ${l.phoneE164} ${l.propertyName ?? ''} ${l.location}`.toLowerCase().includes(s)) &&
        (filters.scoreMin === undefined || l.score >= filters.scoreMin) &&
        (filters.scoreMax === undefined || l.score <= filters.scoreMax),
    );
    const key = (l: Lead) => l[sort.field] as string | number;
    rows.sort((a, b) => {
      const c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return sort.direction === 'asc' ? c : -c;
    });
    return rows.map((l) => l.id);
  }

  async function walk(filters: LeadFilters, sort?: LeadSort, limit = 7): Promise<{ ids: string[]; totals: number[]; pages: number }> {
    const ids: string[] = [];
    const totals: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await t.call(listLeadsV1, { filters, ...(sort ? { sort } : {}), limit, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((l) => l.id));
      totals.push(page.total);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 50);
    return { ids, totals, pages };
  }

  // Object rows: jest treats a test function with more parameters than a row's values as
  // callback-style, so optional tuple entries would silently wait for `done`.
  it.each<{ name: string; filters: LeadFilters; sort?: LeadSort }>([
    { name: 'no filter', filters: {} },
    { name: 'one status', filters: { statuses: ['to_call'] } },
    { name: 'several statuses (LATERAL path)', filters: { statuses: ['to_call', 'qualified', 'follow_up', 'call_failed'] } },
    { name: 'priority', filters: { priorities: ['high'] } },
    { name: 'several priorities', filters: { priorities: ['high', 'low'] } },
    { name: 'campaign', filters: { campaignId: CAMPAIGN_A } },
    { name: 'no campaign', filters: { campaignId: 'none' } },
    { name: 'statuses and priority', filters: { statuses: ['to_call', 'calling', 'in_call'], priorities: ['medium'] } },
    { name: 'search by name', filters: { search: 'priya' } },
    { name: 'search by city', filters: { search: 'Bangalore' } },
    { name: 'search by email', filters: { search: 'lead17@' } },
    { name: 'score range', filters: { scoreMin: 20, scoreMax: 40 } },
    { name: 'score descending', filters: {}, sort: { field: 'score', direction: 'desc' } },
    { name: 'name ascending', filters: { priorities: ['high', 'medium'] }, sort: { field: 'contactPerson', direction: 'asc' } },
    { name: 'oldest first', filters: { statuses: ['to_call', 'qualified'] }, sort: { field: 'createdAt', direction: 'asc' } },
  ])('$name: every page walk returns exactly the matching leads, in order, each once', async ({ filters, sort }) => {
    const expected = reference(filters, sort);
    expect(expected.length).toBeGreaterThan(0);
    const { ids, totals } = await walk(filters, sort);
    expect(ids).toEqual(expected);
    expect(new Set(totals)).toEqual(new Set([expected.length]));
  });

  it('finds a phone however it is typed', async () => {
    const target = all.find((l) => l.phoneE164 === '+919820020017')!;
    for (const search of ['98200 20017', '+91 98200-20017', '9820020017']) {
      const page = await t.call(listLeadsV1, { filters: { search } });
      expect(page.items.map((l) => l.id)).toEqual([target.id]);
    }
  });

  it('treats % and _ in search as plain characters', async () => {
    expect((await t.call(listLeadsV1, { filters: { search: '%%%' } })).items).toEqual([]);
    expect((await t.call(listLeadsV1, { filters: { search: 'lead1_' } })).items).toEqual([]);
  });

  it('refuses a search shorter than 3 characters (the index works on trigrams)', async () => {
    expect((await t.fail(listLeadsV1, { filters: { search: 'ab' } })).message).toMatch(/at least 3 characters/);
  });

  it('pages through a search matching thousands of leads, newest first, with a lower-bound total', async () => {
    const tenantId = uuid7();
    await t.app.runtime.ds.query(
      `insert into lead.leads (id, tenant_id, contact_person, phone_raw, phone_e164, status, priority, lead_source, time_zone, created_at)
       select gen_random_uuid(), $1, case when g % 5 = 0 then 'Other ' || g else 'Bulk Person ' || g end, '+9197' || lpad(g::text, 8, '0'),
              '+9197' || lpad(g::text, 8, '0'), 'to_call', 'medium', 'csv_import', 'Asia/Kolkata', now() - make_interval(secs => g)
         from generate_series(1, 3000) g`,
      [tenantId],
    );
    const first = await t.call(listLeadsV1, { filters: { search: 'bulk person' }, limit: 100 }, { tenantId });
    expect(first.total).toBe(2000);
    expect(first.totalIsExact).toBe(false);
    expect(first.items.map((l) => l.contactPerson).slice(0, 3)).toEqual(['Bulk Person 1', 'Bulk Person 2', 'Bulk Person 3']);
    const second = await t.call(listLeadsV1, { filters: { search: 'bulk person' }, limit: 100, cursor: first.nextCursor! }, { tenantId });
    expect(second.items[0]!.contactPerson).toBe('Bulk Person 126');
    const narrow = await t.call(listLeadsV1, { filters: { search: 'person 29', priorities: ['medium'] } }, { tenantId });
    expect(narrow.total).toBe(89); // 29, 290-299, 2900-2999 (111) minus the 22 multiples of 5
  });

  it('filters by creation time', async () => {
    const sorted = [...all].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    const from = sorted[10]!.createdAt;
    const page = await t.call(listLeadsV1, { filters: { createdFrom: from }, limit: 200 });
    expect(page.items.every((l) => l.createdAt >= from)).toBe(true);
    expect(page.total).toBe(all.filter((l) => l.createdAt >= from).length);
  });

  it.each([
    [{ cursor: 'garbage!!' }, /cursor/],
    [{ limit: 0 }, /limit/],
    [{ limit: 201 }, /limit/],
    [{ filters: { statuses: ['nope'] } }, /statuses/],
    [{ filters: { scoreMin: 50, scoreMax: 10 } }, /scoreMin must not exceed scoreMax/],
    [{ filters: { campaignId: 'abc' } }, /campaignId/],
    [{ sort: { field: 'phone', direction: 'desc' } }, /sort.field/],
  ])('answers 400 for a bad list request %#', async (req, message) => {
    const err = await t.fail(listLeadsV1, req);
    expect(err.status).toBe(400);
    expect(err.message).toMatch(message);
  });

  it('refuses a cursor from a different sort', async () => {
    const page = await t.call(listLeadsV1, { limit: 5 });
    const err = await t.fail(listLeadsV1, { limit: 5, cursor: page.nextCursor, sort: { field: 'score', direction: 'desc' } });
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/different sort/);
  });

  it('keeps the counts read model equal to the rows, through creates, status changes and deletes', async () => {
    const counts = await t.call(leadCountsV1, {});
    expect(counts.total).toBe(all.length);
    for (const status of LEAD_STATUSES) expect(counts.byStatus[status] ?? 0).toBe(all.filter((l) => l.status === status).length);
    const inA = await t.call(leadCountsV1, { campaignId: CAMPAIGN_A });
    expect(inA.total).toBe(all.filter((l) => l.campaignId === CAMPAIGN_A).length);
    const rows: { status: string; n: number }[] = await t.app.runtime.ds.query(
      `select status, count(*)::int as n from lead.leads where deleted_at is null and tenant_id = $1 group by status`,
      [t.meta.tenantId],
    );
    for (const r of rows) expect(counts.byStatus[r.status]).toBe(r.n);
  });

  it('is empty for another tenant', async () => {
    const page = await t.call(listLeadsV1, {}, { tenantId: uuid7() });
    expect(page).toEqual({ items: [], nextCursor: null, total: 0, totalIsExact: true });
  });

  describe('silent leads', () => {
    it('lists leads quiet for longer than asked, longest first, and leaves closed ones out', async () => {
      const quiet = all.slice(0, 6);
      await t.app.runtime.ds.query(
        `update lead.leads set last_activity_at = now() - (interval '1 hour' * (30 + (array_position($1::uuid[], id)))) where id = any($1::uuid[])`,
        [quiet.map((l) => l.id)],
      );
      const page = await t.call(silentLeadsV1, { hours: 24, limit: 4 });
      const expected = [...quiet].reverse().filter((l) => l.status !== 'not_interested');
      expect(page.total).toBe(expected.length);
      const next = await t.call(silentLeadsV1, { hours: 24, limit: 4, cursor: page.nextCursor! });
      expect([...page.items, ...next.items].map((l) => l.id)).toEqual(expected.map((l) => l.id));
      expect((await t.call(silentLeadsV1, { hours: 48 })).total).toBe(0);
    });

    it('announces each silent lead once per silent spell', async () => {
      const first = await t.app.silentJob.runOnce();
      const again = await t.app.silentJob.runOnce();
      expect(first).toBeGreaterThan(0);
      expect(again).toBe(0);
      await waitForOutboxDrained(t);
      const events = await readEvents(t, 'lead.silent');
      expect(events).toHaveLength(first);
      expect(events[0]!.data).toMatchObject({ silentForHours: expect.any(Number), contactPerson: expect.stringMatching(/Test/) });
    });
  });

  describe('bulk update', () => {
    it('updates what it can and says per id why the rest failed', async () => {
      const toCall = all.filter((l) => l.status === 'to_call').slice(0, 3);
      const qualified = all.find((l) => l.status === 'qualified')!;
      const missing = uuid7();
      const result = await t.call(bulkUpdateLeadsV1, {
        ids: [...toCall.map((l) => l.id), qualified.id, missing],
        changes: { status: 'human_follow_up', priority: 'high' },
        reason: 'Weekend open house invitations',
      });
      expect(result.updated).toBe(4);
      expect(result.failed).toBe(1);
      expect(result.okIds).toEqual([...toCall.map((l) => l.id), qualified.id]);
      expect(result.failures).toEqual([{ code: 'not_found', message: 'Lead not found', ids: [missing] }]);
      const forbidden = await t.call(bulkUpdateLeadsV1, { ids: [toCall[0]!.id], changes: { status: 'calling' }, reason: 'try' });
      expect(forbidden.failures).toEqual([{ code: 'conflict', message: expect.stringMatching(/Cannot move a lead from human_follow_up to calling/), ids: [toCall[0]!.id] }]);
      await waitForOutboxDrained(t);
      const changed = (await readEvents(t, 'lead.status_changed')).filter((e) => toCall.some((l) => l.id === (e.data as { leadId: string }).leadId));
      expect(changed).toHaveLength(3);
    });

    it('requires a reason for a manual bulk status change, per lead', async () => {
      const lead = all.find((l) => l.status === 'unresponsive')!;
      const result = await t.call(bulkUpdateLeadsV1, { ids: [lead.id], changes: { status: 'to_call' } });
      expect(result.failures).toEqual([{ code: 'bad_request', message: expect.stringMatching(/must say why/), ids: [lead.id] }]);
    });

    it('refuses more than 10,000 ids and an empty change', async () => {
      const ids = Array.from({ length: 10_001 }, () => uuid7());
      expect((await t.fail(bulkUpdateLeadsV1, { ids, changes: { priority: 'low' } })).message).toMatch(/ids/);
      expect((await t.fail(bulkUpdateLeadsV1, { ids: [all[0]!.id], changes: {} })).message).toMatch(/at least one/);
    });

    it('handles 10,000 ids in one request', async () => {
      const ids = [...all.map((l) => l.id), ...Array.from({ length: 10_000 - all.length }, () => uuid7())];
      const result = await t.call(bulkUpdateLeadsV1, { ids, changes: { priority: 'low' } });
      expect(result.okIds.length + result.failures.flatMap((f) => f.ids).length).toBe(10_000);
      expect(result.failed).toBe(10_000 - all.length);
      expect(result.failures).toHaveLength(1);
    });
  });

  it('a status change by the dialer needs no reason', async () => {
    const lead = await t.call(createLeadV1, { contactPerson: 'Dialer Test', phone: '9820029999' });
    const moved = await t.call(changeLeadStatusV1, { id: lead.id, status: 'calling' }, { actor: { type: 'service', id: 'dialer' } });
    expect(moved.status).toBe('calling');
  });
});
