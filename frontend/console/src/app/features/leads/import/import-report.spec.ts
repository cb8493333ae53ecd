import type { LeadImport } from '@soraaya/contracts';
import { applyImportEvent, countTiles, csvCell, fileProblem, importHeadline, issuesCsv, newerImport, percentRead } from './import-report';

const counts = (over: Partial<LeadImport['counts']> = {}) => ({ rowsRead: 0, created: 0, merged: 0, unchanged: 0, rejected: 0, warnings: 0, ...over });
const job = (over: Partial<LeadImport> = {}): LeadImport => ({
  id: '0193a000-0000-7000-8000-000000000001',
  fileName: 'leads-sample.csv',
  status: 'queued',
  totalBytes: 4000,
  bytesRead: 0,
  counts: counts(),
  mapping: {},
  error: null,
  issues: [],
  issuesTotal: 0,
  createdAt: '2026-11-21T10:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  ...over,
});

describe('import wizard: file checks, progress and the per-row report', () => {
  it.each([
    [{ name: 'leads.csv', size: 10, type: 'text/csv' }, null],
    [{ name: 'LEADS.TXT', size: 10, type: '' }, null],
    [{ name: 'export', size: 10, type: 'application/vnd.ms-excel' }, null],
    [{ name: 'leads.xlsx', size: 10, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, /not a CSV file/],
    [{ name: 'empty.csv', size: 0, type: 'text/csv' }, /is empty/],
    [{ name: 'huge.csv', size: 250 * 1024 * 1024, type: 'text/csv' }, /250 MB; the limit is 200 MB/],
  ])('fileProblem(%j)', (file, expected) => {
    const problem = fileProblem(file);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('shows how far through the file the server is; a finished import is full', () => {
    expect(percentRead(job({ status: 'running', bytesRead: 1000 }))).toBe(25);
    expect(percentRead(job({ status: 'queued', totalBytes: 0 }))).toBe(0);
    expect(percentRead(job({ status: 'completed', bytesRead: 3990 }))).toBe(100);
  });

  it('lays progress and completion events over the job, ignoring other imports and stale events', () => {
    const j = job();
    const running = applyImportEvent(j, 'lead.import.progress', { importId: j.id, bytesRead: 2000, totalBytes: 4000, counts: counts({ rowsRead: 10, created: 8, rejected: 2 }) });
    expect(running).toMatchObject({ status: 'running', bytesRead: 2000, counts: { rowsRead: 10 } });
    expect(applyImportEvent(running, 'lead.import.progress', { importId: j.id, bytesRead: 1000, totalBytes: 4000, counts: counts({ rowsRead: 5 }) })).toBe(running);
    expect(applyImportEvent(running, 'lead.import.progress', { importId: 'other', counts: counts({ rowsRead: 99 }) })).toBe(running);
    expect(applyImportEvent(running, 'lead.import.requested', { importId: j.id } as never)).toBe(running);
    const done = applyImportEvent(running, 'lead.import.completed', { importId: j.id, status: 'completed', counts: counts({ rowsRead: 25, created: 18, merged: 1, rejected: 6, warnings: 1 }), error: null });
    expect(done).toMatchObject({ status: 'completed', bytesRead: 4000, counts: { created: 18 } });
    expect(applyImportEvent(done, 'lead.import.progress', { importId: j.id, counts: counts({ rowsRead: 30 }) })).toBe(done);
  });

  it('keeps the newer of a poll answer and the event-built view', () => {
    const fromEvents = job({ status: 'running', counts: counts({ rowsRead: 20 }) });
    const stalePoll = job({ status: 'running', counts: counts({ rowsRead: 10 }) });
    expect(newerImport(fromEvents, stalePoll)).toBe(fromEvents);
    const finalPoll = job({ status: 'completed', counts: counts({ rowsRead: 25 }) });
    expect(newerImport(fromEvents, finalPoll)).toBe(finalPoll);
    expect(newerImport(null, stalePoll)).toBe(stalePoll);
  });

  it('says the result in one sentence and as tiles', () => {
    const c = counts({ rowsRead: 25, created: 18, merged: 1, rejected: 6, warnings: 1 });
    expect(importHeadline({ status: 'completed', counts: c, error: null, fileName: 'x.csv' })).toBe('25 rows read: 18 created, 1 merged, 6 rejected; 1 warning');
    expect(importHeadline({ status: 'failed', counts: counts(), error: 'Cannot read the file\'s columns', fileName: 'x.csv' })).toBe('The import of x.csv failed: Cannot read the file\'s columns');
    const tiles = countTiles(c);
    expect(tiles.map((t) => `${t.label} ${t.value}`)).toEqual(['Rows read 25', 'Created 18', 'Merged 1', 'Unchanged 0', 'Rejected 6', 'Warnings 1']);
    expect(tiles.find((t) => t.key === 'rejected')!.tone).toBe('danger');
  });

  it('writes the per-row report as CSV: errors first by row, then warnings; quoted and formula-safe', () => {
    const csv = issuesCsv([
      { row: 24, column: 'timezone', severity: 'warning', message: 'no time zone; Asia/Kolkata from the phone' },
      { row: 12, column: 'contact_person', severity: 'error', message: 'is required' },
      { row: 11, column: 'phone_number', severity: 'error', message: '"12345" is not a phone number' },
      { row: 30, column: null, severity: 'error', message: '=HYPERLINK("x")' },
    ]);
    expect(csv.startsWith('\ufeffrow,column,severity,message\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'row,column,severity,message',
      '11,phone_number,error,"""12345"" is not a phone number"',
      '12,contact_person,error,is required',
      '30,,error,"\'=HYPERLINK(""x"")"',
      '24,timezone,warning,no time zone; Asia/Kolkata from the phone',
      '',
    ]);
  });

  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['-5 rows', "'-5 rows"],
    ['@cmd', "'@cmd"],
    [' padded', '" padded"'],
  ])('csvCell(%p) = %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});
