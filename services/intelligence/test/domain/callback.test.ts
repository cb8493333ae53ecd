import { extractCallback } from '../../src/domain/callback';
import { script } from './turns.fixture';

const at = (callStartedAt: string, zone: string, ...lines: string[]) => extractCallback(script(...lines), callStartedAt, zone);

describe('extractCallback', () => {
  it.each([
    // said at, zone, what the lead said, expected
    ['2026-11-20T11:40:00+05:30', 'Asia/Kolkata', 'Can you call me tomorrow at 6?', '2026-11-21T18:00:00+05:30'],
    ['2026-11-20T11:40:00+05:30', 'Asia/Kolkata', 'Call me tomorrow morning at 6.', '2026-11-21T06:00:00+05:30'],
    ['2026-11-20T15:30:00+05:30', 'Asia/Kolkata', 'Call us next Monday morning, around eleven.', '2026-11-23T11:00:00+05:30'],
    ['2026-11-19T14:20:00+04:00', 'Asia/Dubai', 'Can you call me after 8 pm tonight?', '2026-11-19T20:00:00+04:00'],
    ['2026-11-19T14:20:00+04:00', 'Asia/Dubai', 'Call me tonight after 8.', '2026-11-19T20:00:00+04:00'],
    ['2026-11-18T12:10:00+05:30', 'Asia/Kolkata', 'Can you call me day after tomorrow at 4:30?', '2026-11-20T16:30:00+05:30'],
    ['2026-11-23T10:47:00+05:30', 'Asia/Kolkata', 'Call me in two hours, I will be free then.', '2026-11-23T12:47:00+05:30'],
    ['2026-11-24T16:05:00+05:30', 'Asia/Kolkata', 'Kal shaam 6 baje call karna.', '2026-11-25T18:00:00+05:30'],
    ['2026-11-26T19:15:00+05:30', 'Asia/Kolkata', 'Kal subah 10 baje call karo.', '2026-11-27T10:00:00+05:30'],
    ['2026-11-26T19:15:00+05:30', 'Asia/Kolkata', 'Parso dopahar 3 baje call karna.', '2026-11-28T15:00:00+05:30'],
    ['2026-11-26T09:15:00+05:30', 'Asia/Kolkata', 'Parso subah saadhe das baje phone karo.', '2026-11-28T10:30:00+05:30'],
    [
      '2026-11-19T17:30:00+00:00',
      'Europe/London',
      'Can you ring me on Saturday afternoon, say three pm my time?',
      '2026-11-21T15:00:00+00:00',
    ],
    ['2026-11-17T10:00:00-08:00', 'America/Los_Angeles', 'Call me Thursday evening, around seven-ish.', '2026-11-19T19:00:00-08:00'],
    ['2026-11-20T09:00:00+05:30', 'Asia/Kolkata', 'Call me at 6.', '2026-11-20T18:00:00+05:30'],
    ['2026-11-20T19:00:00+05:30', 'Asia/Kolkata', 'Call me at 6.', '2026-11-21T18:00:00+05:30'],
  ])('%s %s "%s" → %s', (start, zone, text, expected) => {
    expect(at(start, zone, 'A: When should I call you back?', text)).toBe(expected);
  });

  it.each([
    [
      'London: Saturday GMT, callback Monday after the clocks go forward (29 Mar 2026)',
      '2026-03-28T10:00:00+00:00',
      'Europe/London',
      'Call me on Monday at 10 am.',
      '2026-03-30T10:00:00+01:00',
    ],
    [
      'London: the day of the change itself',
      '2026-03-28T20:00:00+00:00',
      'Europe/London',
      'Call me tomorrow at 6.',
      '2026-03-29T18:00:00+01:00',
    ],
    [
      'London: in two hours across the 01:00 UTC jump',
      '2026-03-29T00:30:00+00:00',
      'Europe/London',
      'Call me in two hours.',
      '2026-03-29T03:30:00+01:00',
    ],
    [
      'London: autumn change (25 Oct 2026) back to GMT',
      '2026-10-24T12:00:00+01:00',
      'Europe/London',
      'Call me tomorrow at 11.',
      '2026-10-25T11:00:00+00:00',
    ],
    [
      'Los Angeles: PDT Saturday to PST Sunday (1 Nov 2026)',
      '2026-10-31T10:00:00-07:00',
      'America/Los_Angeles',
      'Call me tomorrow at 4 pm.',
      '2026-11-01T16:00:00-08:00',
    ],
    [
      'Los Angeles: next Monday after the change',
      '2026-10-30T09:00:00-07:00',
      'America/Los_Angeles',
      'Call me next Monday at 9.',
      '2026-11-02T09:00:00-08:00',
    ],
    [
      'Los Angeles: in three hours across the repeated hour',
      '2026-11-01T00:30:00-07:00',
      'America/Los_Angeles',
      'Call me in three hours.',
      '2026-11-01T02:30:00-08:00',
    ],
    [
      'Los Angeles: spring forward (8 Mar 2026)',
      '2026-03-07T10:00:00-08:00',
      'America/Los_Angeles',
      'Call me tomorrow at 10 am.',
      '2026-03-08T10:00:00-07:00',
    ],
  ])('DST — %s', (_name, start, zone, text, expected) => {
    expect(at(start, zone, 'A: Is now a good time?', text)).toBe(expected);
  });

  it.each([
    ['no time', 'Baad mein call karo na, kabhi bhi.'],
    ['later', 'Call me later, I am busy.'],
    ['vague part of day', 'Shaam ko call karna.'],
    ['a visit day, not a call', 'This Sunday if possible, the whole family will come.'],
  ])('%s → null', (_name, text) => {
    expect(at('2026-11-20T11:40:00+05:30', 'Asia/Kolkata', 'A: Hello, is this a good time?', text)).toBeNull();
  });

  it('keeps the first full request over a later confirmation', () => {
    const t = [
      'A: Hi',
      'Can you call me after 8 pm tonight?',
      'A: After eight tonight, Dubai time?',
      "Yes, Dubai time. Eight o'clock is fine.",
    ];
    expect(at('2026-11-19T14:20:00+04:00', 'Asia/Dubai', ...t)).toBe('2026-11-19T20:00:00+04:00');
  });

  it('reads a time in the sentence after the call request', () => {
    const t = ['A: Hi', 'I want your senior manager, a real person, to call me. Tomorrow at 11.'];
    expect(at('2026-11-27T15:20:00+05:30', 'Asia/Kolkata', ...t)).toBe('2026-11-28T11:00:00+05:30');
  });

  it.each([
    // Friday 20 Nov 2026, 11:40 IST unless stated
    ['ring me after 7 tonight', 'Ring me after 7 tonight, I will be home.', '2026-11-20T19:00:00+05:30'],
    ['weekday part and "say"', 'Call me Sunday morning, say 10.', '2026-11-22T10:00:00+05:30'],
    ['half past', 'Could you ring at half past five?', '2026-11-20T17:30:00+05:30'],
    ['an hour or so', 'Try me in an hour or so.', '2026-11-20T12:40:00+05:30'],
    ['give me N minutes', 'Give me twenty minutes and then call me back.', '2026-11-20T12:00:00+05:30'],
    ['half an hour later', 'Call me back half an hour later, please.', '2026-11-20T12:10:00+05:30'],
    ['dopahar baje', 'Kal dopahar 2 baje phone kar lena.', '2026-11-21T14:00:00+05:30'],
    ['shaam baje', 'Shaam saat baje baat karte hain.', '2026-11-20T19:00:00+05:30'],
    ['subah baje', 'Somvar subah 9 baje call kijiye.', '2026-11-23T09:00:00+05:30'],
    ['raat baje', 'Raat 9 baje call karna.', '2026-11-20T21:00:00+05:30'],
    ['get back to me', 'Get back to me tomorrow at quarter to six.', '2026-11-21T17:45:00+05:30'],
    ['give me a ring', 'Give me a ring on Monday around 4.', '2026-11-23T16:00:00+05:30'],
  ])('more forms — %s', (_name, text, expected) => {
    expect(at('2026-11-20T11:40:00+05:30', 'Asia/Kolkata', 'A: Is now a good time?', text)).toBe(expected);
  });
});

describe('extractCallback: a time the agent agrees to call at', () => {
  it.each([
    ['Sunday morning works, say 10? My husband will be around too.', 'A: Sunday at ten in the morning, Sydney time. Perfect. I will call you then.', '2026-11-29T10:00:00+11:00'],
    ['Tomorrow after 5 is better.', "A: Sure, I'll call you tomorrow after five.", '2026-11-27T17:00:00+11:00'],
    // Without the agent's promise a proposed site-visit time is not a call back.
    ['Saturday around eleven works for the visit.', 'A: Lovely, see you at the site.', null],
  ])('"%s" / "%s" → %s', (lead, agent, expected) => {
    expect(at('2026-11-26T18:00:00+11:00', 'Australia/Sydney', 'A: Is this a good time?', lead, agent)).toBe(expected);
  });
});
