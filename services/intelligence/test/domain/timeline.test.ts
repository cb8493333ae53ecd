import { extractTimeline } from '../../src/domain/timeline';
import { script } from './turns.fixture';

const NOV = '2026-11-20T10:15:00+05:30';

describe('extractTimeline (call on 20 Nov 2026, IST)', () => {
  it.each([
    ['Immediately. If the unit is right, I will sign this month itself.', 'immediate'],
    ['Abhi hi lena hai yaar. Is mahine mein deal close ho jaye toh best.', 'immediate'],
    ['As soon as possible, honestly.', 'immediate'],
    ["We'd like to close in the next two to three months.", '3_months'],
    ['Within two months.', '3_months'],
    ['A month or two, not more.', '3_months'],
    ['Teen mahine mein.', '3_months'],
    ['Do teen mahine mein final karna hai.', '3_months'],
    ['By end of January.', '3_months'],
    ['Next quarter, once the bonus is in.', '3_months'],
    ['By Sankranti we want to do the griha pravesh.', '3_months'],
    ['Probably around April, May.', '6_months'],
    ['Maybe in the next five, six months?', '6_months'],
    ['I would like to book within six months.', '6_months'],
    ['Next year dekhenge.', '1_year'],
    ['Late next year, after my daughter graduates.', '1_year'],
    ['Maybe in a year or two.', '1_year'],
    ['Agle saal lenge.', '1_year'],
  ])('"%s" → %s', (text, expected) => {
    expect(extractTimeline(script('A: When are you planning to buy?', text), NOV, 'Asia/Kolkata')).toBe(expected);
  });

  it.each([
    ['no horizon', 'It depends on when my ESOPs become liquid. Could be soon, could be a while.'],
    ['history, not horizon', 'We put money into a project in 2015. Eleven years.'],
    ['a call-time, not a purchase time', 'Not now, I am driving. Call me in two hours.'],
    ['past purchase', 'We saw one last month but the terrace was tiny.'],
  ])('%s → null', (_name, text) => {
    expect(extractTimeline(script('A: Hello?', text), NOV, 'Asia/Kolkata')).toBeNull();
  });

  it('prefers the purchase duration over a relocation year', () => {
    const t = script("I'm relocating back next year.", 'A: When would you like to buy?', "I'd like to book within six months.");
    expect(extractTimeline(t, NOV, 'Asia/Kolkata')).toBe('6_months');
  });

  it('prefers a stated duration over a named month about something else', () => {
    const t = script('Teen mahine mein. Mere flat ka agreement March mein khatam ho raha hai.');
    expect(extractTimeline(t, NOV, 'Asia/Kolkata')).toBe('3_months');
  });

  it('reads named months relative to the call date in the lead zone', () => {
    // 1 Jan 2026 00:30 in London is still 31 Dec in Los Angeles: "by March" is 3 months away there.
    expect(extractTimeline(script('By March.'), '2026-01-01T00:30:00+00:00', 'America/Los_Angeles')).toBe('3_months');
    expect(extractTimeline(script('By June.'), '2026-05-10T09:00:00+01:00', 'Europe/London')).toBe('3_months');
  });
});

describe('extractTimeline: indirect horizons', () => {
  // Said on Friday 20 Nov 2026 in India.
  const at = (text: string) =>
    extractTimeline(script('A: When are you planning to buy?', text), '2026-11-20T11:40:00+05:30', 'Asia/Kolkata');
  it.each([
    ["We'd like to be in before my niece's wedding in February.", '3_months'],
    ['Shaadi se pehle, matlab March tak.', '6_months'],
    ['Before the new school year starts, so the kids can change schools.', '6_months'],
    ['Ideally before the monsoon sets in.', '6_months'],
    ['Some time after the rains, I guess.', '1_year'],
    ['Once my annual bonus is paid out.', '6_months'],
    ['After my bonus comes through in January.', '3_months'],
    ['By end of next year, realistically.', '1_year'],
    ['Before the year ends, ideally.', '3_months'],
  ])('"%s" → %s', (text, expected) => {
    expect(at(text)).toBe(expected);
  });

  it.each([
    ['a wedding date is not a purchase date', 'My son is getting married in January.'],
    ['a relocation year is not the purchase horizon', 'We are moving back to India next year for my posting.'],
  ])('%s → null', (_name, text) => {
    expect(at(text)).toBeNull();
  });
});
