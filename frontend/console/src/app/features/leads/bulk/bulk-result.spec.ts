import { assignSummary, bulkSummary, groupOutcomes, joinCsvChunks, readable, refusedLine } from './bulk-result';

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('bulk results in words', () => {
  it('"412 updated, 3 refused (why)": groups by reason, largest first, naming the leads the page knows', () => {
    const res = {
      updated: 412,
      failed: 3,
      okIds: ids('ok', 412),
      failures: [
        { code: 'not_found', message: 'Lead not found', ids: ['gone'] },
        { code: 'conflict', message: 'Cannot move a lead from qualified to to_call', ids: ['q1', 'q2'] },
      ],
    };
    const s = bulkSummary(res, 'updated', new Map([['q1', 'Vikram Shah']]));
    expect(s.headline).toBe('412 updated, 3 refused');
    expect(s.tone).toBe('warning');
    expect(s.refused.map(refusedLine)).toEqual(['2 · Cannot move a lead from “Qualified” to “To call” — Vikram Shah and 1 more', '1 · Lead not found']);
  });

  it.each([
    [{ updated: 5, failed: 0, okIds: ids('a', 5), failures: [] }, '5 updated', 'success'],
    [{ updated: 0, failed: 2, okIds: [], failures: [{ code: 'x', message: 'no', ids: ['a', 'b'] }] }, 'None updated, 2 refused', 'danger'],
    [{ updated: 12345, failed: 0, okIds: [], failures: [] }, '12,345 updated', 'success'],
  ])('%j reads %s', (res, headline, tone) => {
    expect(bulkSummary(res, 'updated')).toMatchObject({ headline, tone });
  });

  it('names statuses by their labels in the server\'s messages', () => {
    expect(readable('Cannot move a lead from calling to not_interested by hand; allowed from calling: human_input_needed')).toBe(
      'Cannot move a lead from “Calling” to “Not interested” by hand; allowed from “Calling”: “Human input needed”',
    );
    expect(readable('callback_requested needs a callback time')).toBe('“Callback requested” needs a callback time');
  });

  it('shows at most five names per reason', () => {
    const names = new Map(ids('x', 8).map((id) => [id, id.toUpperCase()]));
    const s = bulkSummary({ updated: 0, failed: 8, okIds: [], failures: [{ code: 'c', message: 'm', ids: ids('x', 8) }] }, 'deleted', names);
    expect(s.refused[0]).toMatchObject({ count: 8, names: ['X0', 'X1', 'X2', 'X3', 'X4'], more: 3 });
  });

  it('groups per-lead outcomes (deletes) into the bulk answer\'s shape', () => {
    const res = groupOutcomes([
      { id: 'a', ok: true },
      { id: 'b', ok: false, message: 'Lead not found' },
      { id: 'c', ok: false, message: 'Lead not found' },
      { id: 'd', ok: false },
    ]);
    expect(res).toEqual({ updated: 1, failed: 3, okIds: ['a'], failures: [{ code: 'refused', message: 'Lead not found', ids: ['b', 'c'] }, { code: 'refused', message: 'Refused', ids: ['d'] }] });
  });

  it('says what a campaign assignment did', () => {
    expect(assignSummary({ assigned: 12, alreadyInCampaign: 3, notFound: 0 }, 'Mumbai Luxury Q4')).toMatchObject({ headline: '12 assigned to Mumbai Luxury Q4, 3 already in it', tone: 'success', refused: [] });
    expect(assignSummary({ assigned: 0, alreadyInCampaign: 0, notFound: 2 }, 'Q4').tone).toBe('warning');
  });

  it('joins CSV pieces into one file with one BOM and one header row', () => {
    const a = '\ufeffid,name\r\n1,A\r\n';
    const b = '\ufeffid,name\r\n2,B\r\n';
    const c = 'id,name\r\n';
    expect(joinCsvChunks([a, b, c])).toBe('\ufeffid,name\r\n1,A\r\n2,B\r\n');
    expect(joinCsvChunks([])).toBe('');
  });
});
