import { isNoConversation, refused } from '../../src/domain/engagement';
import { script } from './turns.fixture';

describe('isNoConversation', () => {
  it.each<[string, string[], string | null, boolean]>([
    ['voicemail reason', ['Hi, you have reached Sameer. Leave a message after the beep.'], 'voicemail', true],
    ['no answer, empty', [], 'customer-did-not-answer', true],
    ['busy', [], 'customer-busy', true],
    ['assistant only', ['A: Hello?', 'A: Am I audible?'], 'silence-timed-out', true],
    ['carrier announcement', ['Aap jis number se sampark karna chahte hain, vah abhi uplabdh nahin hai.'], 'customer-ended-call', true],
    [
      'hello only',
      ['A: Namaste', 'Hello? Hello?', 'A: Sun pa rahe hain?', 'Hello... awaaz nahi aa rahi. Hello?'],
      'customer-ended-call',
      true,
    ],
    ['haan only', ['A: Namaste', 'Haan?'], 'customer-ended-call', true],
    ['a real answer', ['A: Hi', 'Yes, speaking. Is this about the Worli enquiry?'], 'customer-ended-call', false],
  ])('%s → %s', (_name, lines, reason, expected) => {
    expect(isNoConversation(script(...lines), reason)).toBe(expected);
  });
});

describe('refused', () => {
  it.each([
    ["I'm not interested in buying anything from you.", true],
    ['No, no, I am not interested.', true],
    ['Nahi, abhi bilkul interest nahi hai.', true],
    ['No, there is no Rakesh here. Wrong number.', true],
    ['Mujhe call mat karo, bas.', true],
    ['Oh, no. Actually we already bought.', true],
    ["I've thought about it and I've decided against it.", true],
    ['Under construction mein interest nahi hai.', false],
    ["I'm not interested in the under-construction tower, only ready ones.", false],
    ['Interested toh hoon, par abhi nahi.', false],
  ])('"%s" → %s', (text, expected) => {
    expect(refused(script('A: Hi', text))).toBe(expected);
  });
});

describe('refused: broader refusals and already-bought forms', () => {
  it.each([
    ['Kindly strike my number off, we are done looking.', true],
    ['Please remove me from your calling list.', true],
    ['Remove my details from the mailing lists, please.', true],
    ["I don't want to hear from your company again.", true],
    ['We have no requirement now. Thanks.', true],
    ['Ab koi zaroorat nahi hai ghar ki.', true],
    ["We're not in the market any more.", true],
    ["Thanks, but I'll pass.", true],
    ['Already my husband has finalised one in Thane.', true],
    ['We just got a flat in Kharghar last month itself.', true],
    ['Humne pichhle hafte kharid liya.', true],
    ['We already booked a site visit with your colleague.', false],
    ['Loan ki zaroorat nahi hai, cash hai.', false],
    ['No need for a loan, we have funds.', false],
    ['We bought a flat in 2015 and now want a bigger one, another one in Powai.', false],
  ])('"%s" → %s', (text, expected) => {
    expect(refused(script('A: Hi', text))).toBe(expected);
  });
});

describe('engagement: bad lines and sorted housing', () => {
  it.each([
    [['A: Hello?', 'Hello? Hello?', 'A: Can you hear me?', 'Hello... kichhu shona jachchhe na. I cannot hear anything. Hello?'], true],
    [['A: Hello?', "Sorry, the line is very bad. Awaaz nahi aa rahi."], true],
    [['A: Hello?', "I can't hear you well, but yes, I want a 3 BHK in Powai."], false],
  ])('no conversation: %j → %s', (lines, expected) => {
    expect(isNoConversation(script(...lines), 'customer-ended-call')).toBe(expected);
  });

  it.each([
    ["Oh, that's kind of you, but we've sorted our housing, thanks.", true],
    ['We moved into a place in Panchkula in September.', true],
    ["No, honestly, we're quite settled. Thank you for calling though.", true],
    ["We're settled in Dubai for now, but we want a home in Goa.", false],
  ])('refused: "%s" → %s', (text, expected) => {
    expect(refused(script('A: Hi', text))).toBe(expected);
  });
});
