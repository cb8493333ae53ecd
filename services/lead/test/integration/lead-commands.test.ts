import {
  addLeadNoteV1,
  changeLeadStatusV1,
  createLeadV1,
  deleteLeadV1,
  getLeadV1,
  updateLeadV1,
  type Lead,
} from '@soraaya/contracts';
import { uuid7 } from '@soraaya/service-kit';
import { readEvents, startLeadTestApp, waitForOutboxDrained, type LeadTestApp } from '../support/lead-test-app';

const priya = {
  contactPerson: 'Priya Raghavan',
  phone: '09820012346',
  email: 'Priya.R@Example.in',
  propertyName: 'Oberoi Three Sixty West',
  propertyType: 'apartment' as const,
  location: 'Worli, Mumbai',
  priceRange: '₹12 Cr - ₹15 Cr',
  priority: 'high' as const,
  leadSource: 'referral',
  timeZone: 'Asia/Kolkata',
};

describe('lead commands over NATS, on real Postgres', () => {
  let t: LeadTestApp;
  beforeAll(async () => {
    t = await startLeadTestApp('commands');
  });
  afterAll(async () => {
    await t.stop();
  });

  async function countLeads(): Promise<number> {
    const rows: { n: number }[] = await t.app.runtime.ds.query('select count(*)::int as n from lead.leads');
    return rows[0]!.n;
  }

  describe('create', () => {
    let created: Lead;
    beforeAll(async () => {
      created = await t.call(createLeadV1, priya);
    });

    it('normalises phone, email and price, scores the lead and starts it in to_call', () => {
      expect(created).toMatchObject({
        contactPerson: 'Priya Raghavan',
        phoneRaw: '09820012346',
        phoneE164: '+919820012346',
        email: 'priya.r@example.in',
        priceMinInr: 120_000_000,
        priceMaxInr: 150_000_000,
        status: 'to_call',
        priority: 'high',
        timeZone: 'Asia/Kolkata',
        version: 1,
        tenantId: t.meta.tenantId,
      });
      expect(created.score).toBe(20); // price known (10) + referral (10)
      expect(created.scoreFactors.map((f) => [f.factor, f.points])).toEqual([
        ['budget_fit', 10],
        ['timeline', 0],
        ['financing', 0],
        ['engagement_recency', 0],
        ['source', 10],
      ]);
    });

    it('emits lead.created.v1 through the outbox with the snapshot and actor', async () => {
      await waitForOutboxDrained(t);
      const events = await readEvents(t, 'lead.created');
      const mine = events.filter((e) => (e.data as { lead: Lead }).lead.id === created.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ tenantId: t.meta.tenantId, correlationId: t.meta.correlationId, version: 1, data: { actor: { id: 'user-admin' } } });
    });

    it('refuses the same number written another way with 409, storing nothing', async () => {
      const before = await countLeads();
      const err = await t.fail(createLeadV1, { ...priya, contactPerson: 'Someone Else', phone: '+91 98200 12346' });
      expect(err.status).toBe(409);
      expect(err.message).toBe('A lead with phone +919820012346 already exists');
      expect(err.details).toEqual({ field: 'phone', existingLeadId: created.id });
      expect(await countLeads()).toBe(before);
    });

    it.each([
      [{ ...priya, phone: '12345' }, 'phone', /not a possible phone number/],
      [{ ...priya, phone: '+919800000001', email: 'nope@example' }, 'email', /valid email/],
      [{ ...priya, phone: '+919800000002', timeZone: 'Mars/Olympus' }, 'timeZone', /not an IANA time zone/],
      [{ ...priya, phone: '+919800000003', contactPerson: '  ' }, 'contactPerson', /required/],
      [{ ...priya, phone: '+919800000004', priceRange: 'call me' }, 'priceRange', /not a price/],
      [{ ...priya, phone: '+919800000005', priority: 'urgent' }, 'priority', /Invalid option/],
      [{ ...priya, phone: '+919800000006', favouriteColour: 'blue' }, '(root)', /Unrecognized key/],
      [{ ...priya, phone: '+919800000007', budgetMinInr: 5e8, budgetMaxInr: 1e8 }, 'budgetMinInr', /above the maximum/],
      [{ phone: '+919800000008' }, 'contactPerson', /is required/],
    ])('answers 400 naming the field for bad input %#', async (input, path, message) => {
      const before = await countLeads();
      const err = await t.fail(createLeadV1, input);
      expect(err.status).toBe(400);
      const issues = (err.details as { issues: { path: string; message: string }[] }).issues;
      expect(issues).toEqual(expect.arrayContaining([{ path, message: expect.stringMatching(message) }]));
      expect(await countLeads()).toBe(before);
    });

    it('derives a missing time zone from the phone country', async () => {
      const lead = await t.call(createLeadV1, { contactPerson: 'Zoya Khan', phone: '+971 50 123 4567' });
      expect(lead.timeZone).toBe('Asia/Dubai');
      expect(lead.leadSource).toBe('manual');
      expect(lead.priority).toBe('medium');
    });

    it('reads phones without country code in the region the request names', async () => {
      const lead = await t.call(createLeadV1, { contactPerson: 'Sam Lee', phone: '(415) 555-0199' }, { region: 'US' });
      expect(lead.phoneE164).toBe('+14155550199');
      expect(lead.timeZone).toBe('America/New_York');
    });
  });

  describe('update', () => {
    let lead: Lead;
    beforeEach(async () => {
      lead = await t.call(createLeadV1, { contactPerson: 'Rohan Kapoor', phone: `98${String(Date.now()).slice(-8)}`, priceRange: '8.5 crore' });
    });

    it('changes fields, bumps the version, rescores, records the change and emits lead.updated.v1', async () => {
      const updated = await t.call(updateLeadV1, { id: lead.id, version: 1, changes: { purchaseTimeline: 'immediate', financingStatus: 'cash_buyer', location: 'Mahalaxmi' } });
      expect(updated).toMatchObject({ version: 2, purchaseTimeline: 'immediate', financingStatus: 'cash_buyer', location: 'Mahalaxmi' });
      expect(updated.score).toBe(lead.score + 25 + 20);
      const { timeline } = await t.call(getLeadV1, { id: lead.id });
      expect(timeline[0]).toMatchObject({ kind: 'updated', actor: { id: 'user-admin', name: 'Asha Admin' } });
      expect(timeline[0]!.details).toEqual({
        changes: {
          location: { from: null, to: 'Mahalaxmi' },
          purchaseTimeline: { from: null, to: 'immediate' },
          financingStatus: { from: null, to: 'cash_buyer' },
        },
      });
      await waitForOutboxDrained(t);
      const events = await readEvents(t, 'lead.updated');
      const mine = events.filter((e) => (e.data as { lead: Lead }).lead.id === lead.id);
      expect(mine).toHaveLength(1);
      expect((mine[0]!.data as { changedFields: string[] }).changedFields.sort()).toEqual(['financingStatus', 'location', 'purchaseTimeline']);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      await t.call(updateLeadV1, { id: lead.id, version: 1, changes: { notes: 'first' } });
      const err = await t.fail(updateLeadV1, { id: lead.id, version: 1, changes: { notes: 'second' } });
      expect(err.status).toBe(409);
      expect(err.message).toMatch(/changed by someone else \(now version 2, you had 1\)/);
      const { lead: now } = await t.call(getLeadV1, { id: lead.id });
      expect(now.notes).toBe('first');
    });

    it('refuses bad changes with 400 naming the field, leaving the lead as it was', async () => {
      const err = await t.fail(updateLeadV1, { id: lead.id, version: 1, changes: { phone: 'abc def', email: 'x' } });
      expect(err.status).toBe(400);
      const { lead: now } = await t.call(getLeadV1, { id: lead.id });
      expect(now).toEqual(lead);
    });

    it('refuses an empty change set, and a move onto another lead\'s phone', async () => {
      expect((await t.fail(updateLeadV1, { id: lead.id, version: 1, changes: {} })).status).toBe(400);
      const err = await t.fail(updateLeadV1, { id: lead.id, version: 1, changes: { phone: priya.phone } });
      expect(err.status).toBe(409);
    });

    it('does not bump the version when nothing really changes', async () => {
      const same = await t.call(updateLeadV1, { id: lead.id, version: 1, changes: { priceRange: '8.5 crore', phone: lead.phoneE164 } });
      expect(same.version).toBe(1);
    });
  });

  describe('status changes', () => {
    let lead: Lead;
    beforeEach(async () => {
      lead = await t.call(createLeadV1, { contactPerson: 'Vikram Shah', phone: `97${String(Date.now()).slice(-8)}` });
    });

    it('lets the dialer move a lead through a call and records each step', async () => {
      const dialer = { actor: { type: 'service' as const, id: 'dialer' } };
      await t.call(changeLeadStatusV1, { id: lead.id, status: 'calling' }, dialer);
      const before = Date.now();
      const answered = await t.call(changeLeadStatusV1, { id: lead.id, status: 'in_call' }, dialer);
      // Picking up counts as contact: recorded, and the score's engagement factor now credits it.
      expect(Date.parse(answered.lastContactedAt!)).toBeGreaterThanOrEqual(before - 1000);
      expect(answered.scoreFactors.find((f) => f.factor === 'engagement_recency')!.points).toBeGreaterThan(lead.scoreFactors.find((f) => f.factor === 'engagement_recency')!.points);
      const done = await t.call(changeLeadStatusV1, { id: lead.id, status: 'qualified' }, dialer);
      expect(done).toMatchObject({ status: 'qualified', version: 4 });
      const { timeline } = await t.call(getLeadV1, { id: lead.id });
      expect(timeline.map((a) => a.summary)).toEqual(['in_call → qualified', 'calling → in_call', 'to_call → calling', 'Created (source manual)']);
    });

    it('refuses a forbidden move with 409 naming the allowed ones', async () => {
      const err = await t.fail(changeLeadStatusV1, { id: lead.id, status: 'in_call', reason: 'testing' });
      expect(err.status).toBe(409);
      expect(err.message).toBe(
        'Cannot move a lead from to_call to in_call by hand; allowed from to_call: not_interested, callback_requested, unresponsive, human_input_needed, human_follow_up',
      );
      expect(err.details).toMatchObject({ from: 'to_call', to: 'in_call' });
    });

    it('requires a reason for a manual override and records who and why', async () => {
      const err = await t.fail(changeLeadStatusV1, { id: lead.id, status: 'not_interested' });
      expect(err.status).toBe(400);
      expect(err.message).toMatch(/must say why/);
      const changed = await t.call(changeLeadStatusV1, { id: lead.id, status: 'not_interested', reason: 'Bought elsewhere last month' });
      expect(changed.status).toBe('not_interested');
      const { timeline } = await t.call(getLeadV1, { id: lead.id });
      expect(timeline[0]).toMatchObject({
        kind: 'status_changed',
        summary: 'to_call → not_interested (manual override): Bought elsewhere last month',
        actor: { type: 'user', id: 'user-admin', name: 'Asha Admin' },
        details: { from: 'to_call', to: 'not_interested', manual: true, reason: 'Bought elsewhere last month' },
      });
      await waitForOutboxDrained(t);
      const event = (await readEvents(t, 'lead.status_changed')).find((e) => (e.data as { leadId: string }).leadId === lead.id);
      expect(event?.data).toMatchObject({ from: 'to_call', to: 'not_interested', manual: true, reason: 'Bought elsewhere last month' });
    });

    it('requires a future callback time when a person books a callback', async () => {
      expect((await t.fail(changeLeadStatusV1, { id: lead.id, status: 'callback_requested', reason: 'asked for Monday' })).message).toMatch(/callbackAt/);
      expect((await t.fail(changeLeadStatusV1, { id: lead.id, status: 'callback_requested', reason: 'asked', callbackAt: '2020-01-01T10:00:00Z' })).message).toMatch(/future/);
      const at = new Date(Date.now() + 86_400_000).toISOString();
      const booked = await t.call(changeLeadStatusV1, { id: lead.id, status: 'callback_requested', reason: 'asked for tomorrow', callbackAt: at });
      expect(booked.callbackAt).toBe(at);
    });

    it('checks the expected version when given', async () => {
      const err = await t.fail(changeLeadStatusV1, { id: lead.id, status: 'human_follow_up', reason: 'vip', expectedVersion: 7 });
      expect(err.status).toBe(409);
    });
  });

  describe('notes and delete', () => {
    it('adds a note to the lead and its timeline', async () => {
      const lead = await t.call(createLeadV1, { contactPerson: 'Neha Joshi', phone: `96${String(Date.now()).slice(-8)}` });
      const note = await t.call(addLeadNoteV1, { id: lead.id, body: 'Prefers WhatsApp; call after 6pm' });
      expect(note).toMatchObject({ leadId: lead.id, body: 'Prefers WhatsApp; call after 6pm', authorId: 'user-admin', authorName: 'Asha Admin' });
      const detail = await t.call(getLeadV1, { id: lead.id });
      expect(detail.notes).toEqual([note]);
      expect(detail.timeline[0]).toMatchObject({ kind: 'note', summary: 'Prefers WhatsApp; call after 6pm' });
      expect((await t.fail(addLeadNoteV1, { id: lead.id, body: '   ' })).status).toBe(400);
    });

    it('soft-deletes: the lead is gone from reads, its phone is free again, and lead.deleted.v1 is emitted', async () => {
      const phone = `95${String(Date.now()).slice(-8)}`;
      const lead = await t.call(createLeadV1, { contactPerson: 'Rahul Bose', phone });
      expect((await t.fail(deleteLeadV1, { id: lead.id, version: 5 })).status).toBe(409);
      const deleted = await t.call(deleteLeadV1, { id: lead.id, version: 1 });
      expect(deleted.id).toBe(lead.id);
      expect((await t.fail(getLeadV1, { id: lead.id })).status).toBe(404);
      expect((await t.fail(deleteLeadV1, { id: lead.id })).status).toBe(404);
      const again = await t.call(createLeadV1, { contactPerson: 'Rahul Bose', phone });
      expect(again.id).not.toBe(lead.id);
      const rows: { deleted_at: Date | null }[] = await t.app.runtime.ds.query('select deleted_at from lead.leads where id = $1', [lead.id]);
      expect(rows[0]!.deleted_at).toBeInstanceOf(Date);
      await waitForOutboxDrained(t);
      expect((await readEvents(t, 'lead.deleted')).map((e) => (e.data as { leadId: string }).leadId)).toContain(lead.id);
    });
  });

  describe('tenant isolation', () => {
    it('answers 404 to another tenant on every lead route', async () => {
      const lead = await t.call(createLeadV1, { contactPerson: 'Kavya Menon', phone: `94${String(Date.now()).slice(-8)}` });
      const other = { tenantId: uuid7() };
      expect((await t.fail(getLeadV1, { id: lead.id }, other)).status).toBe(404);
      expect((await t.fail(updateLeadV1, { id: lead.id, version: 1, changes: { notes: 'x' } }, other)).status).toBe(404);
      expect((await t.fail(changeLeadStatusV1, { id: lead.id, status: 'human_follow_up', reason: 'steal' }, other)).status).toBe(404);
      expect((await t.fail(addLeadNoteV1, { id: lead.id, body: 'x' }, other)).status).toBe(404);
      expect((await t.fail(deleteLeadV1, { id: lead.id }, other)).status).toBe(404);
      // The same phone is free in the other tenant: phones are unique per tenant.
      const theirs = await t.call(createLeadV1, { contactPerson: 'Kavya Menon', phone: lead.phoneE164 }, other);
      expect(theirs.tenantId).toBe(other.tenantId);
    });

    it('row-level security hides rows even from a query that forgets its tenant filter', async () => {
      const ds = t.app.runtime.ds;
      const visible = await ds.transaction(async (tx) => {
        await tx.query(`select set_config('app.tenant_id', $1, true)`, [uuid7()]);
        await tx.query('set local role soraaya_app');
        return tx.query('select count(*)::int as n from lead.leads');
      });
      expect(visible[0].n).toBe(0);
      const mine = await ds.transaction(async (tx) => {
        await tx.query(`select set_config('app.tenant_id', $1, true)`, [t.meta.tenantId]);
        await tx.query('set local role soraaya_app');
        return tx.query('select count(*)::int as n from lead.leads');
      });
      expect(mine[0].n).toBeGreaterThan(0);
    });
  });

  it('rejects malformed requests: no meta, bad tenant id, unknown fields', async () => {
    const raw = async (payload: unknown) =>
      JSON.parse(new TextDecoder().decode((await t.nc.request(t.topology.subject(getLeadV1.subject), Buffer.from(JSON.stringify(payload)), { timeout: 5000 })).data));
    expect(await raw({ data: { id: uuid7() } })).toMatchObject({ ok: false, error: { status: 400, message: expect.stringMatching(/Invalid request meta/) } });
    expect(await raw({ meta: { ...t.meta, tenantId: 'acme' }, data: { id: uuid7() } })).toMatchObject({ ok: false, error: { status: 400, message: expect.stringMatching(/tenantId/) } });
    expect(await raw({ meta: t.meta, data: { id: 'not-a-uuid' } })).toMatchObject({ ok: false, error: { status: 400, message: expect.stringMatching(/id/) } });
    const notJson = new TextDecoder().decode((await t.nc.request(t.topology.subject(getLeadV1.subject), Buffer.from('{{'), { timeout: 5000 })).data);
    expect(JSON.parse(notJson)).toMatchObject({ ok: false, error: { status: 400 } });
  });
});
