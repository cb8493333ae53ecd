import { extractObjections } from '../../src/domain/objections';
import { script } from './turns.fixture';

const categories = (lines: string[], dm: boolean | null = null) => extractObjections(script('A: Hi', ...lines), dm).map((o) => o.category);

describe('extractObjections', () => {
  it.each([
    [['Paanch crore? Arre, woh toh bahut zyada hai.'], ['price']],
    [['Fifteen crore for a three BHK? That is ridiculous.'], ['price']],
    [['Whitefield bahut door hai. Traffic mein teen ghante.'], ['location']],
    [['Interested toh hoon, par abhi nahi. Next year dekhenge.'], ['timing']],
    [['Honestly, I am just browsing right now.'], ['timing']],
    [["Honestly, I don't trust builders anymore."], ['trust']],
    [['Is the land title clear? I heard there was some litigation.'], ['trust']],
    [['Actually we already bought. We booked a flat last month.'], ['already_bought']],
    [['Mujhe call mat karo, bas. Mera number apni list se hatao.'], ['other']],
    [['Remove my number from every list you have.'], ['other']],
    [['No, there is no Rakesh here. Wrong number. Please update your records.'], []],
    [['3 se 4 crore ke beech. Usse zyada nahi ho payega.'], []],
    [["Not really, I'm driving. Call me tomorrow."], []],
  ])('%j → %j', (lines, expected) => {
    expect(categories(lines)).toEqual(expected);
  });

  it('adds not_decision_maker with the quote when someone else decides', () => {
    const o = extractObjections(script('A: Do you decide?', 'No, no, my son decides.'), false);
    expect(o).toEqual([{ category: 'not_decision_maker', quote: 'No, no, my son decides.' }]);
  });

  it('quotes the sentence that raised the objection', () => {
    const o = extractObjections(script('A: Price is 5 crore.', 'Hmm. That is too expensive for us. Send other options.'));
    expect(o).toEqual([{ category: 'price', quote: 'That is too expensive for us' }]);
  });
});
