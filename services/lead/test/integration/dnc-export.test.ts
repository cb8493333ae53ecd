import { addDncV1, checkDncV1, createLeadV1, exportLeadsPageV1, listDncV1, removeDncV1 } from '@soraaya/contracts';
import { parse } from 'csv-parse/sync';
import { readEvents, startLeadTestApp, waitForOutboxDrained, type LeadTestApp } from '../support/lead-test-app';

describe('do-not-call list and CSV export', () => {
  let t: LeadTestApp;
  beforeAll(async () => {
    t = await startLeadTestApp('dncexport', { jobs: false, consumers: false });
  });
  afterAll(async () => {
    await t.stop();
  });

  describe('do-not-call', () => {
    it('adds a number however it is written, checks it, lists it and removes it', async () => {
      const added = await t.call(addDncV1, { phone: '098200 12345', reason: 'Asked never to be called' });
      expect(added).toMatchObject({ phoneE164: '+919820012345', reason: 'Asked never to be called', addedBy: 'user-admin' });
      expect(await t.call(checkDncV1, { phone: '+91 98200 12345' })).toMatchObject({ phoneE164: '+919820012345', blocked: true, entry: added });
      expect(await t.call(addDncV1, { phone: '+919820012345' })).toEqual(added); // idempotent
      await t.call(addDncV1, { phone: '+447700900123' });
      const page1 = await t.call(listDncV1, { limit: 1 });
      const page2 = await t.call(listDncV1, { limit: 1, cursor: page1.nextCursor! });
      expect([...page1.items, ...page2.items].map((e) => e.phoneE164)).toEqual(['+447700900123', '+919820012345']);
      expect(page2.nextCursor).toBeNull();
      expect(await t.call(removeDncV1, { phone: '9820012345' })).toEqual({ phoneE164: '+919820012345', removed: true });
      expect(await t.call(removeDncV1, { phone: '9820012345' })).toEqual({ phoneE164: '+919820012345', removed: false });
      expect((await t.call(checkDncV1, { phone: '9820012345' })).blocked).toBe(false);
      await waitForOutboxDrained(t);
      expect((await readEvents(t, 'lead.dnc_changed')).map((e) => e.data)).toEqual([
        expect.objectContaining({ phoneE164: '+919820012345', blocked: true }),
        expect.objectContaining({ phoneE164: '+447700900123', blocked: true }),
        expect.objectContaining({ phoneE164: '+919820012345', blocked: false }),
      ]);
    });

    it('refuses a number that cannot be a phone, storing nothing', async () => {
      const before = (await t.call(listDncV1, {})).items.length;
      const err = await t.fail(addDncV1, { phone: '12345' });
      expect(err.status).toBe(400);
      expect(err.message).toMatch(/phone: "12345" is not a possible phone number/);
      expect((await t.call(listDncV1, {})).items.length).toBe(before);
    });

    it('keeps lists per tenant', async () => {
      expect((await t.call(checkDncV1, { phone: '+447700900123' }, { tenantId: '019aa000-0000-7000-8000-00000000dddd' })).blocked).toBe(false);
    });
  });

  describe('export', () => {
    beforeAll(async () => {
      for (let i = 0; i < 23; i++) {
        await t.call(createLeadV1, {
          contactPerson: i === 0 ? '=HYPERLINK("http://evil","click")' : `Export Lead ${i}`,
          phone: `98450${String(30000 + i)}`,
          location: i % 2 ? 'Worli, Mumbai' : 'Hebbal, Bangalore',
          notes: i === 1 ? 'Said: "call after 7pm", prefers\nWhatsApp' : null,
          priority: i % 2 ? 'high' : 'low',
        });
      }
    });

    async function exportAll(request: Record<string, unknown>): Promise<{ csv: string; pages: number }> {
      let csv = '';
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await t.call(exportLeadsPageV1, { ...request, pageSize: 5, ...(cursor ? { cursor } : {}) });
        csv += page.csv;
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      return { csv, pages };
    }

    it('streams every matching lead page by page, header once, newest first', async () => {
      const { csv, pages } = await exportAll({ filters: { priorities: ['high'] } });
      expect(pages).toBe(3);
      const rows = parse(csv, { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(11);
      expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['id', 'contact_person', 'phone_e164', 'status', 'priority', 'score', 'created_at']));
      expect(rows.every((r) => r.priority === 'high')).toBe(true);
      const created = rows.map((r) => r.created_at!);
      expect([...created].sort().reverse()).toEqual(created);
      expect(csv.match(/^id,contact_person/gm)).toHaveLength(1);
    });

    it('round-trips quotes, commas and line breaks, and defuses formulas', async () => {
      const { csv } = await exportAll({ filters: { search: 'Bangalore' } });
      const rows = parse(csv, { columns: true }) as Record<string, string>[];
      expect(rows.find((r) => r.contact_person!.includes('HYPERLINK'))!.contact_person).toBe(`'=HYPERLINK("http://evil","click")`);
      const { csv: all } = await exportAll({});
      const withNote = (parse(all, { columns: true }) as Record<string, string>[]).find((r) => r.contact_person === 'Export Lead 1')!;
      expect(withNote.notes).toBe('Said: "call after 7pm", prefers\nWhatsApp');
      expect(withNote.phone_e164).toBe('+919845030001');
    });

    it('exports just the selected ids', async () => {
      const first = await t.call(exportLeadsPageV1, { pageSize: 2 });
      const ids = (parse(first.csv, { columns: true }) as Record<string, string>[]).map((r) => r.id!);
      const { csv } = await exportAll({ ids });
      expect((parse(csv, { columns: true }) as Record<string, string>[]).map((r) => r.id)).toEqual(ids);
    });

    it('answers 400 to a bad export request', async () => {
      expect((await t.fail(exportLeadsPageV1, { pageSize: 100_000 })).status).toBe(400);
      expect((await t.fail(exportLeadsPageV1, { ids: ['x'] })).status).toBe(400);
    });
  });
});
