import { turnsFromVapiMessages } from '../../src/domain/vapi-turns';

describe('turns from VAPI artifact.messages', () => {
  it.each<[string, unknown, unknown]>([
    ['not a list', { role: 'bot' }, null],
    ['empty', [], null],
    [
      'bot and user with time/endTime (ms) and secondsFromStart',
      [
        { role: 'system', message: 'You are Priya...', time: 1, secondsFromStart: 0 },
        { role: 'bot', message: 'Hello Rohan, this is Priya.', time: 1_700_000_000_000, endTime: 1_700_000_002_400, secondsFromStart: 0.6 },
        { role: 'user', message: ' Yes, tell me. ', time: 1_700_000_003_000, endTime: 1_700_000_004_250, secondsFromStart: 3.2 },
        { role: 'tool_calls', toolCalls: [] },
      ],
      [
        { role: 'assistant', text: 'Hello Rohan, this is Priya.', start: 0.6, end: 3 },
        { role: 'user', text: 'Yes, tell me.', start: 3.2, end: 4.45 },
      ],
    ],
    ['duration in seconds when there are no timestamps', [{ role: 'user', message: 'Budget is 8 crore.', secondsFromStart: 10, duration: 2.5 }], [{ role: 'user', text: 'Budget is 8 crore.', start: 10, end: 12.5 }]],
    ['no timings at all (the text still counts)', [{ role: 'bot', message: 'Hello?' }], [{ role: 'assistant', text: 'Hello?', start: null, end: null }]],
    ['empty messages are skipped', [{ role: 'user', message: '   ' }], null],
  ])('%s', (_name, messages, expected) => {
    expect(turnsFromVapiMessages(messages)).toEqual(expected);
  });
});
