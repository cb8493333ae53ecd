import { canonicalLocation, extractLocations } from '../../src/domain/locations';
import { script } from './turns.fixture';

describe('extractLocations', () => {
  it.each([
    ['Worli or Lower Parel, somewhere central.', ['Worli', 'Lower Parel']],
    ['I want something in Bandra West, close to the sea.', ['Bandra']],
    ['Achha haan, KP wala.', ['Koregaon Park']],
    ['DLF Phase 5 or Golf Course Road, nothing else.', ['DLF Phase 5', 'Golf Course Road']],
    ['Phase 5 only, near the club.', ['DLF Phase 5']],
    ['Jubilee Hills only I want, near road number 36.', ['Jubilee Hills']],
    ['Gachibowli ya Kokapet mein chahiye.', ['Gachibowli', 'Kokapet']],
    ['A villa in Goa, the quieter side, not Baga-Calangute, that is too crowded now.', ['Goa']],
    ['Something in Assagao or Siolim would be ideal.', ['Assagao', 'Siolim']],
    ['Looking for a flat in Kalyani Nagar or Baner.', ['Kalyani Nagar', 'Baner']],
    ['Hitech City side is best for us.', ['HITEC City']],
    ['Juhu mein hi chahiye, beach ke paas.', ['Juhu']],
    ['I would like something in Versova, near the jetty.', ['Versova']],
  ])('"%s" → %j', (text, expected) => {
    expect(extractLocations(script('A: Which area are you looking at?', text))).toEqual(expected);
  });

  it.each([
    ['a bare yes to the assistant’s place', ['A: You had enquired about our Worli project, right?', 'Achha haan.']],
    ['where they live', ['A: Hi', 'We live in Andheri, that is why we are asking.']],
    ['the office location', ['A: Hi', 'His office will be in Cyber City.']],
    ['travel', ['A: Hi', 'Tomorrow I am travelling to Pune.']],
    ['what they already bought', ['A: Hi', 'We put money into a project in Sohna in 2015.']],
    ['a rejected place', ['A: Whitefield?', 'Nahi yaar, Whitefield bahut door hai.']],
    ['a relative’s city', ['A: Hi', 'I can give power of attorney to my brother in Mumbai.']],
    ['a hypothetical comparison', ['A: Hi', 'For that I can buy a bungalow in Lonavala.']],
    ['where the NRI is', ['A: Hi', "I'm selling a flat here in London."]],
  ])('ignores %s', (_name, lines) => {
    expect(extractLocations(script(...lines))).toEqual([]);
  });

  it('takes up the place they live in when they want the same area', () => {
    const t = script(
      'A: Still looking?',
      'We have been living in Koregaon Park for ten years, we just want a bigger place in the same area.',
    );
    expect(extractLocations(t)).toEqual(['Koregaon Park']);
  });

  it('takes a place the lead names for the enquiry', () => {
    expect(extractLocations(script('A: Hello', 'Oh, this is about the Golf Course Road enquiry?'))).toEqual(['Golf Course Road']);
  });

  it.each([
    ['KP', 'Koregaon Park'],
    ['bandra west', 'Bandra'],
    ['Gurgaon', 'Gurugram'],
    ['Bangalore', 'Bengaluru'],
    ['Somewhere New', 'Somewhere New'],
  ])('canonicalLocation(%s) → %s', (input, expected) => {
    expect(canonicalLocation(input)).toBe(expected);
  });
});

describe('extractLocations: only places the lead wants', () => {
  it.each([
    ['We stay in Chembur currently, but we want something in Navi Mumbai, maybe Kharghar.', ['Navi Mumbai', 'Kharghar']],
    ['We are right now in Salt Lake. Looking at New Town for the new flat.', ['New Town']],
    ['Honestly sick of the Gurgaon traffic, prefer the Noida Expressway side.', ['Noida Expressway']],
    ['Anything near Anna Nagar or Besant Nagar works.', ['Anna Nagar', 'Besant Nagar']],
    ['Last year we took a villa in Alibaug, now we need a flat in Bandra.', ['Bandra']],
    ['Bodakdev or Thaltej, on SG Highway ideally.', ['Bodakdev', 'Thaltej', 'SG Highway']],
    ['Mohali ya Zirakpur mein chahiye.', ['Mohali', 'Zirakpur']],
    ['We have a flat in Vashi already; want a bigger one in Powai.', ['Powai']],
    ['My roots are from Kochi, I want to settle there after retiring.', ['Kochi']],
    ['Our Thane flat will go on sale; we want Ghodbunder Road or Panvel next.', ['Ghodbunder Road', 'Panvel']],
    ['Kakkanad or Edappally, close to the metro.', ['Kakkanad', 'Edappally']],
    ['Something in Ahmedabad, GIFT City preferably.', ['Ahmedabad', 'GIFT City']],
  ])('"%s" → %j', (text, expected) => {
    expect(extractLocations(script('A: Which area are you looking at?', text))).toEqual(expected);
  });

  it.each([
    ['a place named in a denial', ['A: Hi', 'I never enquired about anything in Chennai.']],
    ['the home they will sell', ['A: Hi', 'We will sell our Vashi place to fund it.']],
    ['a place they are fed up with', ['A: Hi', 'We are fed up with the Whitefield traffic.']],
    ['where they grew up', ['A: Hi', 'I grew up in Kolkata, so I know property a bit.']],
    ['what they just took', ['A: Hi', 'Last month itself we took one flat in Sarjapur.']],
  ])('ignores %s', (_name, lines) => {
    expect(extractLocations(script(...lines))).toEqual([]);
  });

  it.each([
    ['Calcutta', 'Kolkata'],
    ['Cochin', 'Kochi'],
    ['Madras', 'Chennai'],
    ['greater noida west', 'Noida Extension'],
  ])('canonicalLocation(%s) → %s', (input, expected) => {
    expect(canonicalLocation(input)).toBe(expected);
  });
});
