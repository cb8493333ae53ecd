import { digitiseNumbers } from '../../src/domain/number-words';

describe('digitiseNumbers', () => {
  it.each([
    ['between four and five crores', 'between 4 and 5 crores'],
    ['twenty-five crore', '25 crore'],
    ['two and a half crore', '2.5 crore'],
    ['four point seven five crores', '4.75 crores'],
    ['paanch crore', '5 crore'],
    ['do crore', '2 crore'],
    ['dedh crore', '1.5 crore'],
    ['saadhe teen crore', '3.5 crore'],
    ['a crore', '1 crore'],
    ['35,00,000 rupees', '3500000 rupees'],
    ['what do you think', 'what do you think'],
  ])('%s → %s', (input, expected) => {
    expect(digitiseNumbers(input).trim()).toBe(expected);
  });
});
