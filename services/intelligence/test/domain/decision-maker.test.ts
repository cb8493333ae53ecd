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

describe('extractDecisionMaker: the answer to a decision question', () => {
  it.each([
    ['A: Will anyone else be involved in the decision?', 'No, I only am deciding.', true],
    ['A: Will anyone else be involved?', 'Nahi, bas main.', true],
    ['A: Aur final decision aapka hi hoga?', 'Main aur meri wife, dono milke decide karenge.', true],
    ['A: And the final decision is with you?', 'My wife and I. Honestly, more her than me.', true],
    ['A: Aur decision aap hi lenge?', 'Main hi lunga, but wife ko bhi dikhana padega.', true],
    ['A: And the decision, is it yours?', "Mine and my wife's.", true],
    ['A: And you’d be the one deciding?', 'I will have to ask my father first.', null],
    ['A: Is the decision yours?', 'I think my father will decide, actually.', false],
    ['A: What budget are you thinking of?', 'I only want Worli.', null],
  ])('%s / "%s" → %s', (prompt, text, expected) => {
    expect(extractDecisionMaker(script(prompt, text))).toBe(expected);
  });
});
