import { analyzeSentiment } from '../../src/domain/sentiment';
import { script } from './turns.fixture';

describe('analyzeSentiment', () => {
  it.each([
    [['Perfect, please do. Thanks, Priya.'], 'positive'],
    [['Haan bhejo, bahut badhiya.'], 'positive'],
    [['Fifteen crore? That is ridiculous.', 'No, I am not interested. Forget it.'], 'negative'],
    [['Mujhe call mat karo, bas. Block kar dunga.'], 'negative'],
    [['Kitni baar call karoge? Subah se teen call aa chuke hain.'], 'negative'],
    [['Okay.', 'Three BHK in Powai.'], 'neutral'],
  ])('%j → %s', (lines, expected) => {
    expect(analyzeSentiment(script('A: Hello', ...lines)).overall).toBe(expected);
  });

  it('labels each user turn by its index in the transcript', () => {
    const r = analyzeSentiment(script('A: Hi', 'Wonderful, thanks.', 'A: Budget?', 'That is ridiculous.'));
    expect(r.turns).toEqual([
      { turn: 1, sentiment: 'positive' },
      { turn: 3, sentiment: 'negative' },
    ]);
  });
});

describe('analyzeSentiment: negation and broader cues', () => {
  it.each([
    [['The layout is not bad at all.'], 'positive'],
    [['Honestly I am not happy with how this went. Very disappointed.'], 'negative'],
    [['Not really, I am travelling. Call me at 6.'], 'neutral'],
    [['It is not expensive for that area.'], 'neutral'],
    [['Achha nahi laga, bekaar design hai.'], 'negative'],
    [['No problem, send it over.'], 'neutral'],
    [['Cool. Looking forward to it.'], 'positive'],
    [['That looks nice.'], 'positive'],
    [['Somebody is selling my data. Take me off.'], 'negative'],
    [['Still no refund and nobody replies to my emails.'], 'negative'],
    [['What is the super built-up area?'], 'neutral'],
  ])('%j → %s', (lines, expected) => {
    expect(analyzeSentiment(script('A: Hello', ...lines)).overall).toBe(expected);
  });
});
