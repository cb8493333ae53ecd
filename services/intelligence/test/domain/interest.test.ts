import { assessInterest, type InterestFacts } from '../../src/domain/interest';
import { CR, script } from './turns.fixture';

const facts: InterestFacts = {
  conversation: true,
  refused: false,
  budget: null,
  timeline: null,
  propertyType: null,
  locations: [],
  decisionMaker: null,
  callbackAt: null,
  humanNeeded: null,
};

describe('assessInterest', () => {
  it.each<[string, string, Partial<InterestFacts>, string]>([
    ['refusal', 'Not interested.', { refused: true }, 'none'],
    ['no conversation', '', { conversation: false }, 'none'],
    [
      'full brief',
      'Okay.',
      { budget: { min: 5 * CR, max: 6 * CR }, timeline: '3_months', propertyType: 'villa', locations: ['Whitefield'] },
      'high',
    ],
    ['keen but little shared', "I'm keen, just can't talk now. Lower Parel or Worli.", { locations: ['Lower Parel', 'Worli'] }, 'high'],
    [
      'some detail',
      'Three BHK, Worli or Lower Parel.',
      { timeline: '3_months', propertyType: 'apartment', locations: ['Worli'] },
      'medium',
    ],
    ['browsing', 'Honestly, I am just browsing right now.', { budget: { min: CR, max: CR }, propertyType: 'apartment' }, 'low'],
    ['brush-off', 'Baad mein call karo na, kabhi bhi.', { locations: ['Koregaon Park'] }, 'low'],
    [
      'someone else decides',
      'My son decides.',
      {
        budget: { min: CR, max: CR },
        timeline: '3_months',
        propertyType: 'apartment',
        locations: ['Golf Course Road'],
        decisionMaker: false,
      },
      'medium',
    ],
  ])('%s → %s', (_name, text, patch, expected) => {
    expect(assessInterest(script('A: Hi', text), { ...facts, ...patch })).toBe(expected);
  });
});

describe('assessInterest: beyond word lists', () => {
  const full = { budget: { min: 5 * CR, max: 6 * CR }, timeline: '3_months' as const, propertyType: 'villa', locations: ['Baner'] };
  it.each<[string, string, Partial<InterestFacts>, string]>([
    ['serious buyer', 'We are quite serious about this, Baner is a must.', { locations: ['Baner'], callbackAt: 'x' }, 'high'],
    ['wants to see the site', 'We want to come and see it this weekend.', { propertyType: 'villa', locations: ['Baner'] }, 'high'],
    ['negated keenness', 'I am not very interested, to be honest.', { locations: ['Baner'] }, 'low'],
    ['unhurried despite a full brief', 'Send details, though we are in no hurry.', full, 'medium'],
    ['price objection tempers a full brief', 'Hmm, that is more than we planned.', { ...full, objections: ['price'] }, 'medium'],
    ['a complaint is not interest', 'Nobody has called me back about my refund.', { humanNeeded: 'complaint' }, 'low'],
    ['a human request still counts', 'Let me speak to a person.', { humanNeeded: 'asked_for_human' }, 'medium'],
  ])('%s → %s', (_name, text, patch, expected) => {
    expect(assessInterest(script('A: Hi', text), { ...facts, ...patch })).toBe(expected);
  });
});
