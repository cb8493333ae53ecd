import { extractAmenities } from '../../src/domain/amenities';
import { script } from './turns.fixture';

describe('extractAmenities', () => {
  it.each([
    ['We want a four BHK, sea facing if possible, on a higher floor.', ['sea view', 'high floor']],
    ['Four bedroom, with a garden and a small pool.', ['garden', 'private pool']],
    ['Minimum four BHK plus servant room, and two parking slots.', ['servant room', 'parking']],
    ['Lake view in Powai would be nice, with a proper terrace.', ['lake view', 'terrace']],
    ['Just the price, please.', []],
  ])('"%s" → %j', (text, expected) => {
    expect(extractAmenities(script('A: Anything specific?', text))).toEqual(expected);
  });

  it('ignores amenities only the assistant mentions', () => {
    expect(extractAmenities(script('A: It has a clubhouse and a gym.', 'Okay.'))).toEqual([]);
  });
});
