import { parseTranscriptText, transcriptHash } from '../../src/domain/transcript-text';

describe('parseTranscriptText', () => {
  it.each([
    [
      'AI: Hello\nUser: Hi there',
      [
        ['assistant', 'Hello'],
        ['user', 'Hi there'],
      ],
    ],
    [
      'assistant: Namaste\ncustomer: Haan bolo',
      [
        ['assistant', 'Namaste'],
        ['user', 'Haan bolo'],
      ],
    ],
    [
      'Bot: Hi\nbot: still there?\nUser: yes',
      [
        ['assistant', 'Hi still there?'],
        ['user', 'yes'],
      ],
    ],
    [
      'AI: Hello\n  continued line\nUser: ok\r\n',
      [
        ['assistant', 'Hello continued line'],
        ['user', 'ok'],
      ],
    ],
    ['', []],
    ['User:   \nAI: Hello?', [['assistant', 'Hello?']]],
  ])('%j', (text, expected) => {
    expect(parseTranscriptText(text)).toEqual(expected.map(([role, t]) => ({ role, text: t, start: null, end: null })));
  });
});

describe('transcriptHash', () => {
  const turns = parseTranscriptText('AI: Hello\nUser: Hi');
  it('is a stable sha256 hex digest', () => {
    expect(transcriptHash(turns)).toMatch(/^[0-9a-f]{64}$/);
    expect(transcriptHash(turns)).toBe(transcriptHash(parseTranscriptText('AI:  Hello \nUser: Hi')));
  });
  it('changes when the text changes', () => {
    expect(transcriptHash(turns)).not.toBe(transcriptHash(parseTranscriptText('AI: Hello\nUser: Hi!')));
  });
});
