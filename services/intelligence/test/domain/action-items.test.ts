import { extractActionItems } from '../../src/domain/action-items';
import { script } from './turns.fixture';

describe('extractActionItems', () => {
  it.each([
    [
      { outcome: 'callback_requested' as const, callbackAt: '2026-11-21T18:00:00+05:30', humanNeeded: null },
      ['Call the lead back at 2026-11-21T18:00:00+05:30'],
    ],
    [
      { outcome: 'human_input_needed' as const, callbackAt: null, humanNeeded: 'legal_question' as const },
      ['Have the legal team answer the lead’s legal/title questions'],
    ],
    [{ outcome: 'not_interested' as const, callbackAt: null, humanNeeded: null }, ['Stop calling; mark the lead not interested']],
  ])('%j', (facts, expected) => {
    expect(extractActionItems(script('A: Okay.', 'Bye.'), facts)).toEqual(expected);
  });

  it('lists what the agent promised', () => {
    const items = extractActionItems(script('A: Wonderful. I will share two options on WhatsApp today.', 'Thanks.'), {
      outcome: 'follow_up',
      callbackAt: null,
      humanNeeded: null,
    });
    expect(items).toEqual(['Wonderful. I will share two options on WhatsApp today'.replace('Wonderful. ', '')]);
  });
});
