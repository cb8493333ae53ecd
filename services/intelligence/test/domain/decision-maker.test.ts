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

describe('extractDecisionMaker: more forms', () => {
  it.each([
    ['A: Who will take the final decision?', 'Myself and my sister, jointly.', true],
    ['A: Who is deciding on this?', 'Myself only.', true],
    ['A: Anything else?', 'It is up to me, honestly.', true],
    ['A: Who decides?', "Me? No, my father decides.", false],
    ['A: Hi', "Hi, it's me, Rohan.", null],
  ])('%s / "%s" → %s', (prompt, text, expected) => {
    expect(extractDecisionMaker(script(prompt, text))).toBe(expected);
  });
});
