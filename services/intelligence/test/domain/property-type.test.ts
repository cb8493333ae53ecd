import { extractPropertyType } from '../../src/domain/property-type';
import { script } from './turns.fixture';

describe('extractPropertyType', () => {
  it.each([
    ['We want a four BHK, sea facing if possible.', 'apartment'],
    ['3BHK chahiye, Lower Parel hi.', 'apartment'],
    ['Three bedroom apartment, please.', 'apartment'],
    ['Yes, still looking for a penthouse.', 'penthouse'],
    ['I want the penthouse, not a four BHK.', 'penthouse'],
    ['Independent house with a proper garden.', 'villa'],
    ['A villa in Goa with a small pool.', 'villa'],
    ['A row house would suit us.', 'townhouse'],
    ['Actually I want a plot to build on.', 'plot'],
    ['Office space for my firm, around 3000 square feet.', 'commercial'],
  ])('"%s" → %s', (text, expected) => {
    expect(extractPropertyType(script('A: What are you looking for?', text))).toBe(expected);
  });

  it.each([
    ['offered by the assistant only', ['A: You had enquired about three BHK residences.', 'Yes, go on.']],
    ['already bought', ['A: Still looking?', 'We booked a flat in Oberoi Sky City last month, we already bought.']],
    ['a generic aside', ['A: Hi', 'Before we get into flats, I have some questions about stamp duty.']],
  ])('null when %s', (_name, lines) => {
    expect(extractPropertyType(script(...lines))).toBeNull();
  });

  it('takes the type the lead echoes from the assistant, not a hypothetical', () => {
    const t = script(
      'A: The three BHKs start at fifteen crore.',
      'Fifteen crore for a three BHK? For that I can buy a bungalow in Lonavala.',
    );
    expect(extractPropertyType(t)).toBe('apartment');
  });
});

describe('extractPropertyType: not a wish', () => {
  it.each([
    ['a wrong number at a shop', ['A: Hi', 'Wrong number, this is a grocery shop number.']],
    ['what they just took', ['A: Hi', 'We took one flat in Hebbal last month itself.']],
    ['already we have purchased', ['A: Hi', 'Already we have purchased a villa, thank you.']],
  ])('null when %s', (_name, lines) => {
    expect(extractPropertyType(script(...lines))).toBeNull();
  });
});
