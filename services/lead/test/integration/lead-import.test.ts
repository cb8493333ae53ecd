import { getLeadImportV1, getLeadV1, listLeadsV1, startLeadImportV1, type LeadImport } from '@soraaya/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, readEvents, startLeadTestApp, waitForOutboxDrained, type LeadTestApp } from '../support/lead-test-app';

// The customer's own messy export (BOM, CRLF, quoted commas and quotes, NRI numbers, an emoji).
// Kept as a byte-for-byte copy of ../shared/data/leads-sample.csv so the suite runs from any clone.
const SAMPLE = readFileSync(join(__dirname, '../fixtures/leads-sample.csv'));

describe('CSV import on real Postgres and JetStream', () => {
  let t: LeadTestApp;
  beforeAll(async () => {
    t = await startLeadTestApp('import', { importMaxDeliveries: 3 }, { IMPORT_BATCH_SIZE: '7' });
  });
  afterAll(async () => {
    await t.stop();
  });

  async function importFile(name: string, content: Buffer | string, mapping?: Record<string, string>, meta = {}): Promise<LeadImport> {
    const objectName = `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    await t.app.files.put(objectName, content);
    const started = await t.call(startLeadImportV1, { objectName, fileName: name, ...(mapping ? { mapping } : {}) }, meta);
    expect(started.status).toBe('queued');
    return eventually(async () => {
      const job = await t.call(getLeadImportV1, { id: started.id, issuesLimit: 1000 }, meta);
      return job.status === 'completed' || job.status === 'failed' ? job : null;
    });
  }

  describe('the sample file', () => {
    let first: LeadImport;
    beforeAll(async () => {
      first = await importFile('leads-sample.csv', SAMPLE);
    });

    it('imports all 19 valid rows as 18 leads (the duplicate folded in) and rejects the six wrong ones', () => {
      expect(first.status).toBe('completed');
      expect(first.counts).toEqual({ rowsRead: 25, created: 18, merged: 1, unchanged: 0, rejected: 6, warnings: 1 });
      expect(first.bytesRead).toBe(SAMPLE.length);
      expect(first.totalBytes).toBe(SAMPLE.length);
      expect(first.mapping).toMatchObject({ contactPerson: 'contact_person', phone: 'phone_number', timeZone: 'timezone' });
    });

    it('says for each rejected row which row, which column and what is wrong', () => {
      const errors = first.issues.filter((i) => i.severity === 'error');
      expect(errors).toEqual([
        { row: 11, column: 'phone_number', severity: 'error', message: expect.stringMatching(/"12345" is not a possible phone number/) },
        { row: 12, column: 'contact_person', severity: 'error', message: 'is required' },
        { row: 13, column: 'email', severity: 'error', message: expect.stringMatching(/valid email/) },
        { row: 21, column: 'priority', severity: 'error', message: expect.stringMatching(/got "bogus_priority"/) },
        { row: 22, column: 'status', severity: 'error', message: expect.stringMatching(/got "not_a_status"/) },
        { row: 23, column: 'timezone', severity: 'error', message: expect.stringMatching(/"Mars\/Olympus" is not an IANA time zone/) },
      ]);
      expect(first.issues.filter((i) => i.severity === 'warning')).toEqual([
        { row: 24, column: 'timezone', severity: 'warning', message: 'time zone missing; set to Asia/Kolkata from the phone\'s country (IN)' },
      ]);
      expect(first.issuesTotal).toBe(7);
    });

    it('stores the leads normalised, with the file\'s statuses, and nothing from rejected rows', async () => {
      const page = await t.call(listLeadsV1, { filters: { importId: first.id }, limit: 100 });
      expect(page.total).toBe(18);
      const byName = new Map(page.items.map((l) => [l.contactPerson, l]));
      expect(byName.get('Aarav Mehta')).toMatchObject({ phoneE164: '+919820012345', priceMinInr: 450_000_000, status: 'to_call', priority: 'high' });
      expect(byName.get('Meera "Mimi" Desai')).toMatchObject({ phoneE164: '+919820012350', location: 'Lower Parel, Mumbai' });
      expect(byName.get('Neha Joshi')).toMatchObject({ email: 'neha.joshi@example.in', priceMinInr: 60_000_000, priceMaxInr: 70_000_000 });
      expect(byName.get('Karan Malhotra')).toMatchObject({ phoneE164: '+447700900123', timeZone: 'Europe/London', leadSource: 'nri_portal' });
      expect(byName.get('Sanjay Gupta')).toMatchObject({ phoneE164: '+14155550132', status: 'callback_requested', timeZone: 'America/Los_Angeles' });
      expect(byName.get('Tanvi Kulkarni 🏡')).toMatchObject({ priceMinInr: 600_000_000 });
      expect(byName.get('Harsh Agarwal')).toMatchObject({ timeZone: 'Asia/Kolkata' });
      expect(byName.get('Vikram Shah')).toMatchObject({ status: 'qualified', notes: 'Cash buyer; wants sea view' });
      for (const rejected of ['Ishaan Verma', 'Divya Nair', 'Pooja Bhatt', 'Nikhil Jain', 'Riya Sen']) expect(byName.has(rejected)).toBe(false);
      expect([...byName.keys()].filter((n) => n === 'Aarav Mehta')).toHaveLength(1);
      const detail = await t.call(getLeadV1, { id: byName.get('Aarav Mehta')!.id });
      expect(detail.timeline.at(-1)).toMatchObject({ kind: 'created', summary: 'Imported (source csv_import)' });
    });

    it('changes nothing when the same file is imported again', async () => {
      const before: unknown[] = await t.app.runtime.ds.query(`select id, version, updated_at from lead.leads where tenant_id = $1 order by id`, [t.meta.tenantId]);
      const again = await importFile('leads-sample.csv', SAMPLE);
      expect(again.counts).toEqual({ rowsRead: 25, created: 0, merged: 0, unchanged: 19, rejected: 6, warnings: 1 });
      const after: unknown[] = await t.app.runtime.ds.query(`select id, version, updated_at from lead.leads where tenant_id = $1 order by id`, [t.meta.tenantId]);
      expect(after).toEqual(before);
    });

    it('announces progress per batch and completion, not one event per lead', async () => {
      await waitForOutboxDrained(t);
      const progress = (await readEvents(t, 'lead.import.progress')).filter((e) => (e.data as { importId: string }).importId === first.id);
      expect(progress.length).toBe(4); // 25 rows in batches of 7
      expect((progress.at(-1)!.data as { counts: { rowsRead: number } }).counts.rowsRead).toBe(25);
      const completed = (await readEvents(t, 'lead.import.completed')).filter((e) => (e.data as { importId: string }).importId === first.id);
      expect(completed).toHaveLength(1);
      expect(completed[0]!.data).toMatchObject({ status: 'completed', fileName: 'leads-sample.csv', counts: { created: 18 }, error: null });
      expect(await readEvents(t, 'lead.created')).toHaveLength(0);
    });
  });

  it('fills empty fields of a stored lead from a duplicate row, never overwriting', async () => {
    const tenant = { tenantId: '019aa000-0000-7000-8000-000000000001' };
    await importFile('a.csv', 'Name,Mobile\nAsha Rao,98450 11111\n', undefined, tenant);
    const job = await importFile('b.csv', 'Full Name,Phone,E-mail,Budget\nA. Rao,+91 98450 11111,asha@example.in,₹2 Cr\n', undefined, tenant);
    expect(job.counts).toMatchObject({ created: 0, merged: 1 });
    const page = await t.call(listLeadsV1, { filters: { search: '9845011111' } }, tenant);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ contactPerson: 'Asha Rao', email: 'asha@example.in', priceRange: '₹2 Cr', priceMinInr: 20_000_000, version: 2 });
    const detail = await t.call(getLeadV1, { id: page.items[0]!.id }, tenant);
    expect(detail.timeline[0]).toMatchObject({ kind: 'merged', summary: expect.stringMatching(/Merged from b.csv \(row 1\): filled email, priceRange/) });
  });

  it('merges rows with the same email but another phone into one lead', async () => {
    const tenant = { tenantId: '019aa000-0000-7000-8000-000000000002' };
    const job = await importFile('email.csv', 'name,phone,email,location\nDev,9845022222,dev@example.in,\nDev K,9845033333,DEV@example.in,Pune\n', undefined, tenant);
    expect(job.counts).toMatchObject({ created: 1, merged: 1 });
    const page = await t.call(listLeadsV1, {}, tenant);
    expect(page.items).toEqual([expect.objectContaining({ phoneE164: '+919845022222', location: 'Pune' })]);
  });

  it('uses an explicit mapping for headers it cannot guess', async () => {
    const tenant = { tenantId: '019aa000-0000-7000-8000-000000000003' };
    const job = await importFile('odd.csv', 'Client,Digits,Zone\nMira,9845044444,Asia/Kolkata\n', { contactPerson: 'Client', phone: 'Digits', timeZone: 'Zone' }, tenant);
    expect(job.status).toBe('completed');
    expect(job.counts.created).toBe(1);
  });

  it.each([
    ['no phone column', 'name,email\nA,a@b.in\n', /no column for phone/, undefined],
    ['an empty file', '', /empty/, undefined],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name,phone\n', 'utf16le')]), /UTF-16/, undefined],
    ['an explicit mapping to a missing column', 'name,phone\nA,9845055555\n', /names column "Mobile No"/, { phone: 'Mobile No' }],
  ])('fails a job with %s, with a message saying why', async (_label, content, message, mapping: Record<string, string> | undefined) => {
    const job = await importFile('bad.csv', content as string, mapping, { tenantId: '019aa000-0000-7000-8000-000000000004' });
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(message);
    expect(job.counts.created).toBe(0);
  });

  it('reports a row with more values than columns instead of guessing', async () => {
    const job = await importFile('cols.csv', 'name,phone\nA,9845066666,extra\nB,9845077777\n', undefined, { tenantId: '019aa000-0000-7000-8000-000000000005' });
    expect(job.counts).toMatchObject({ created: 1, rejected: 1 });
    expect(job.issues[0]).toMatchObject({ row: 1, column: null, message: expect.stringMatching(/3 values but the header has 2 columns/) });
  });

  it('refuses to start an import of a file that was never uploaded', async () => {
    const err = await t.fail(startLeadImportV1, { objectName: 'nope', fileName: 'x.csv' });
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/not found; upload it again/);
  });

  it('sends a poison work item to dlq.LEADS after the max deliveries while later imports keep flowing', async () => {
    const js = t.nc.jetstream();
    // A well-formed work item for an import that does not exist: the handler fails every time.
    const poison = {
      id: '019aa000-0000-7000-8000-0000000000aa',
      type: 'lead.import.requested',
      version: 1,
      tenantId: t.meta.tenantId,
      occurredAt: new Date().toISOString(),
      correlationId: 'poison',
      causationId: null,
      data: { importId: '019aa000-0000-7000-8000-0000000000bb' },
    };
    await js.publish(t.topology.subject('leads.import.requested.v1'), Buffer.from(JSON.stringify(poison)));
    const later = await importFile('later.csv', 'name,phone\nLater,9845088888\n', undefined, { tenantId: '019aa000-0000-7000-8000-000000000006' });
    expect(later.status).toBe('completed');
    const jsm = await t.nc.jetstreamManager();
    const dead = await eventually(async () => {
      const info = await jsm.streams.info(t.topology.stream('DLQ'));
      if (info.state.messages < 1) return null;
      return jsm.streams.getMessage(t.topology.stream('DLQ'), { last_by_subj: t.topology.deadLetter('LEADS') });
    }, 40_000);
    expect(JSON.parse(new TextDecoder().decode(dead.data))).toEqual(poison);
    expect(dead.header.get('Soraaya-Dlq-Reason')).toBe('max_deliveries');
    expect(dead.header.get('Soraaya-Dlq-Deliveries')).toBe('3');
    expect(dead.header.get('Soraaya-Dlq-Error')).toMatch(/does not exist/);
  }, 60_000);
});
