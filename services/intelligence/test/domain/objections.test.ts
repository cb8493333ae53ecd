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

describe('extractObjections: broader patterns', () => {
  it.each([
    [['Already we have booked one, last week only.'], ['already_bought']],
    [['We took a villa in Alibaug recently, so sorry.'], ['already_bought']],
    [['Seven crore is way higher than what we had budgeted.'], ['price']],
    [['That is above our budget, frankly.'], ['price']],
    [['Eleven would be a big stretch for us.'], ['price']],
    [['It is not the right time for us to commit.'], ['timing']],
    [['We need the divorce settlement to settle first.'], ['timing']],
    [["Let's talk closer to the date."], ['timing']],
    [['Where did you get my number from?'], ['trust']],
    [['My details were leaked by some portal, I am sure.'], ['trust']],
    [['I got burned badly with a builder in 2019.'], ['trust']],
    [['I will not sign anything without a clear title.'], ['trust']],
    [['I mailed three emails to your CRM and nobody responded.'], ['other']],
    [['Still waiting for my refund from your Thane office.'], ['other']],
    [['Absolutely poor service from your team.'], ['other']],
    [['This is the fourth call today. Stop calling me.'], ['other']],
    [['I am in no hurry, but the budget is 3 crore.'], []],
  ])('%j → %j', (lines, expected) => {
    expect(categories(lines)).toEqual(expected);
  });

  it('folds a list-removal request into the reason the lead gives', () => {
    expect(categories(['Who gave you my number? Someone is selling my data. Take me off your list.'])).toEqual(['trust']);
    expect(categories(['We already purchased in Baner. Please remove me from your list.'])).toEqual(['already_bought']);
  });

  it('does not read a far purchase horizon alone as a timing objection, only a "not now"', () => {
    expect(extractObjections(script('A: When?', 'No rush, honestly. Maybe end of next year.'))).toEqual([]);
    expect(categories(['Not right now, maybe next year.'])).toEqual(['timing']);
  });
});
