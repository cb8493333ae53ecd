import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeTurn, clock, isPhone, parseSampleCalls, type SampleTurn } from './landing-view';

describe('landing view', () => {
  it.each([
    [0, '0:00'],
    [6.1, '0:06'],
    [75.9, '1:15'],
    [-3, '0:00'],
  ])('clock(%p) = %s', (s, expected) => expect(clock(s)).toBe(expected));

  const turns: SampleTurn[] = [
    { speaker: 'agent', text: 'Hello', at: 0 },
    { speaker: 'lead', text: 'Hi', at: 4 },
    { speaker: 'agent', text: 'Bye', at: 9.5 },
  ];
  it.each([
    [-1, -1],
    [0, 0],
    [5, 1],
    [9.5, 2],
    [60, 2],
  ])('activeTurn at %p s is %p', (time, expected) => expect(activeTurn(turns, time)).toBe(expected));

  it.each([
    ['+91 98765 43210', true],
    ['(080) 4123-4567', true],
    ['98765', false],
    ['call me', false],
    ['+1 234 567 890 123 456', false],
  ])('isPhone(%p) = %p', (v, expected) => expect(isPhone(v)).toBe(expected));

  it('reads the committed samples: three calls, each with its recording and an agent and a lead', () => {
    const json: unknown = JSON.parse(readFileSync(join(__dirname, '../../../../public/samples/sample-calls.json'), 'utf8'));
    const calls = parseSampleCalls(json);
    expect(calls).toHaveLength(3);
    for (const c of calls) {
      expect(c.audio).toMatch(/^samples\/[\w-]+\.ogg$/);
      expect(readFileSync(join(__dirname, '../../../../public', c.audio)).length).toBeLessThan(300_000);
      expect(new Set(c.turns.map((t) => t.speaker))).toEqual(new Set(['agent', 'lead']));
    }
  });

  it('ignores a samples file of the wrong shape', () => {
    expect(parseSampleCalls(null)).toEqual([]);
    expect(parseSampleCalls({ calls: [{ id: 1 }] })).toEqual([]);
  });
});
