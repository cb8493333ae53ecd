import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodingProblem, parseCsvRecords, previewCsv, sampleValues } from './csv-preview';

// The file the README's journey imports (a byte-for-byte copy kept with the lead service's tests).
const SAMPLE = readFileSync(join(__dirname, '../../../../../../../services/lead/test/fixtures/leads-sample.csv'), 'utf8');

describe('CSV preview: the first rows, read as the lead service reads them', () => {
  it('reads the sample file: BOM dropped, quoted commas and doubled quotes kept, 25 data rows', () => {
    const { records } = parseCsvRecords(SAMPLE);
    expect(records).toHaveLength(26);
    const p = previewCsv(SAMPLE, { maxRows: 6 });
    expect(p.headers).toEqual(['contact_person', 'phone_number', 'email', 'property_name', 'property_type', 'location', 'price_range', 'status', 'priority', 'lead_source', 'timezone', 'notes']);
    expect(p.rows[0]!.slice(0, 2)).toEqual(['Aarav Mehta', '+91 98200 12345']);
    expect(p.rows[0]![5]).toBe('Altamount Road, Mumbai');
    expect(p.rows[5]![0]).toBe('Meera "Mimi" Desai');
    expect(p.rows).toHaveLength(6);
    expect(p.more).toBe(true);
  });

  it.each([
    ['CRLF line ends', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['no final line break', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['empty lines skipped', 'a,b\n\n1,2\n\r\n', [['a', 'b'], ['1', '2']]],
    ['a line break inside quotes', 'a,b\n"x\ny",2\n', [['a', 'b'], ['x\ny', '2']]],
    ['a quote inside an unquoted field is text', 'a,b\n5" tall,2\n', [['a', 'b'], ['5" tall', '2']]],
    ['empty cells', 'a,b,c\n,,\n', [['a', 'b', 'c'], ['', '', '']]],
    ['a row of one empty quoted cell is a row', 'a\n""\n', [['a'], ['']]],
  ])('%s', (_name, text, expected) => {
    expect(parseCsvRecords(text).records).toEqual(expected);
  });

  it('drops a record cut off at the end of a partial read, keeps one ended by a line break', () => {
    expect(parseCsvRecords('a,b\n1,2\n3,', { complete: false }).records).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsvRecords('a,b\n1,2\n', { complete: false })).toEqual({ records: [['a', 'b'], ['1', '2']], more: true });
    expect(parseCsvRecords('a,b\n"1\n2', { complete: false }).records).toEqual([['a', 'b']]);
  });

  it('stops after maxRows and says more follow; trims headers as the server does', () => {
    const p = previewCsv(' Name , Phone\nA,1\nB,2\nC,3\n', { maxRows: 2 });
    expect(p).toEqual({ headers: ['Name', 'Phone'], rows: [['A', '1'], ['B', '2']], more: true });
    expect(previewCsv('Name,Phone\nA,1\n', { maxRows: 2 }).more).toBe(false);
  });

  it('samples a column\'s first non-empty values', () => {
    const p = previewCsv('n,e\nA,\nB,b@x.in\nC,c@x.in\nD,d@x.in\n', { maxRows: 10 });
    expect(sampleValues(p, 1, 2)).toEqual(['b@x.in', 'c@x.in']);
    expect(sampleValues(p, 5)).toEqual([]);
  });

  it('spots what the server would refuse unread: UTF-16 and spreadsheets', () => {
    expect(encodingProblem(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toBe('utf16');
    expect(encodingProblem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]))).toBe('binary');
    expect(encodingProblem(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x2c]))).toBeNull();
    expect(encodingProblem(new TextEncoder().encode(SAMPLE.slice(0, 100)))).toBeNull();
  });
});
