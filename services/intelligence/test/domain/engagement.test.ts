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
