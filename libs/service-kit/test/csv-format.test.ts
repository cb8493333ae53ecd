import { csvCell, csvLine } from '../src/csv/csv-format';

describe('csvCell: spreadsheet-safe CSV cells', () => {
  it.each([
    ['plain text', 'Worli towers', {}, 'Worli towers'],
    ['a comma', 'Pune, Baner', {}, '"Pune, Baner"'],
    ['a quote', 'The "Elite"', {}, '"The ""Elite"""'],
    ['a line break', 'a\r\nb', {}, '"a\r\nb"'],
    ['leading space', ' padded', {}, '" padded"'],
    ['a formula', '=1+1', {}, "'=1+1"],
    ['a formula with a comma', '=SUM(A1,B1)', {}, '"\'=SUM(A1,B1)"'],
    ['a minus sign', '-5 leads', {}, "'-5 leads"],
    ['a tab first', '\tx', {}, "'\tx"],
    ['a trusted negative number', -0.5, { trusted: true }, '-0.5'],
    ['a trusted E.164 phone', '+919812345678', { trusted: true }, '+919812345678'],
    ['a number', 0.333333, {}, '0.333333'],
    ['zero', 0, {}, '0'],
    ['null', null, {}, ''],
    ['undefined', undefined, {}, ''],
    ['a date', new Date('2026-11-01T00:00:00Z'), {}, '2026-11-01T00:00:00.000Z'],
    ['rupees', '₹3.2 crore', {}, '₹3.2 crore'],
  ])('%s', (_what, value, opts, cell) => {
    expect(csvCell(value, opts)).toBe(cell);
  });

  it('joins cells into a CRLF line', () => {
    expect(csvLine(['a', '"b,c"', ''])).toBe('a,"b,c",\r\n');
  });
});
