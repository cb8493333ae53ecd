import { extractDecisionMaker } from '../../src/domain/decision-maker';
import { script } from './turns.fixture';

describe('extractDecisionMaker', () => {
  it.each([
    ['A: Is it you making the final call?', 'My wife and I together.', true],
    ['A: Who decides?', 'Me and my husband, we decide together.', true],
    ['A: Who decides?', 'I am only deciding. It is my money.', true],
    ['A: Anything else?', 'My husband and I will decide together.', true],
    ['A: Who decides?', 'Main hi decide karunga.', true],
    ['A: And you decide, sir?', 'No, no, my son decides. Final word is his.', false],
    ['A: Who decides?', 'Papa decide karenge, main bas dekh raha hoon.', false],
    ['A: Budget?', 'Around 5 crore.', null],
  ])('%s / "%s" → %s', (prompt, text, expected) => {
    expect(extractDecisionMaker(script(prompt, text))).toBe(expected);
  });
});
