import { createLeadV1, getLeadImportV1, listLeadsV1, startLeadImportV1, type EventEnvelope, type Lead } from '@soraaya/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, readEvents, startLeadTestApp, waitForOutboxDrained, type LeadTestApp } from '../support/lead-test-app';

describe('crash safety of the outbox and the import worker', () => {
  let t: LeadTestApp;
  afterEach(async () => {
    await t?.stop();
  });

  it('publishes an event exactly once when the service dies between the DB commit and the publish', async () => {
    // The relay is off: the service commits the lead and its outbox row, then "dies" before publishing.
    t = await startLeadTestApp('crash1', { relay: false, consumers: false, jobs: false });
    const lead = await t.call(createLeadV1, { contactPerson: 'Ananya Iyer', phone: '91-98200-12348' });
    const pending: { n: number }[] = await t.app.runtime.ds.query('select count(*)::int as n from lead.outbox');
    expect(pending[0]!.n).toBe(1);
    expect(await readEvents(t, 'lead.created')).toHaveLength(0);

    await t.restart({ consumers: false, jobs: false }); // back up, relay on
    await waitForOutboxDrained(t);
    const created = (await readEvents(t, 'lead.created')) as EventEnvelope<string, { lead: Lead }>[];
    expect(created).toHaveLength(1);
    expect(created[0]!.data.lead.id).toBe(lead.id);
  });

  it('publishes exactly once when the service dies after the publish but before marking the row sent', async () => {
    let crashes = 1;
    t = await startLeadTestApp('crash2', {
      consumers: false,
      jobs: false,
      relay: {
        afterPublish: () => {
          if (crashes-- > 0) throw new Error('simulated crash after publish');
        },
      },
    });
    const lead = await t.call(createLeadV1, { contactPerson: 'Vikram Shah', phone: '+919820012349' });
    await waitForOutboxDrained(t); // first pass published then "crashed"; the row stayed; the retry re-published
    await t.restart({ consumers: false, jobs: false }); // and a real restart on top
    const created = (await readEvents(t, 'lead.created')) as EventEnvelope<string, { lead: Lead }>[];
    expect(created.map((e) => e.data.lead.id)).toEqual([lead.id]);
    const info = await (await t.nc.jetstreamManager()).streams.info(t.topology.stream('LEADS'));
    expect(info.state.messages).toBe(1); // JetStream dropped the re-publish by its Nats-Msg-Id
  });

  it('resumes an import after a crash between batches without losing or double-counting rows', async () => {
    let crashes = 1;
    t = await startLeadTestApp(
      'crash3',
      {
        afterImportBatchCommit: (_id, rows) => {
          if (rows === 14 && crashes-- > 0) throw new Error('simulated crash after the second batch');
        },
      },
      { IMPORT_BATCH_SIZE: '7' },
    );
    // Fast redelivery for the test: the consumer's backoff starts at 1 s.
    await t.app.files.put('sample', readFileSync(join(__dirname, '../fixtures/leads-sample.csv')));
    const started = await t.call(startLeadImportV1, { objectName: 'sample', fileName: 'leads-sample.csv' });
    const job = await eventually(async () => {
      const j = await t.call(getLeadImportV1, { id: started.id, issuesLimit: 100 });
      return j.status === 'completed' ? j : null;
    }, 30_000);
    expect(crashes).toBe(0);
    expect(job.counts).toEqual({ rowsRead: 25, created: 18, merged: 1, unchanged: 0, rejected: 6, warnings: 1 });
    expect(job.issuesTotal).toBe(7);
    const leads = await t.call(listLeadsV1, { limit: 100 });
    expect(leads.total).toBe(18);
    await waitForOutboxDrained(t);
    const progress = (await readEvents(t, 'lead.import.progress')).map((e) => (e.data as { counts: { rowsRead: number } }).counts.rowsRead);
    expect(progress).toEqual([7, 14, 21, 25]);
  });
});
