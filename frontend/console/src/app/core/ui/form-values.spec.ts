import { addChip, changedFields } from './form-values';

describe('form values', () => {
  it.each([
    ['a new trait', ['warm'], ' patient ', { list: ['warm', 'patient'], error: null }],
    ['a duplicate, ignored', ['warm'], 'Warm', { list: ['warm'], error: null }],
    ['nothing typed', ['warm'], '  ', { list: ['warm'], error: null }],
    ['too long', [], 'x'.repeat(41), { list: [], error: 'Use at most 40 characters' }],
    ['one too many', ['a', 'b'], 'c', { list: ['a', 'b'], error: 'At most 2' }],
  ])('addChip: %s', (_what, list, raw, expected) => {
    expect(addChip(list, raw, { max: 40, count: 2 })).toEqual(expected);
  });

  it('addChip: too short for a trigger', () => {
    expect(addChip([], 'x', { min: 2, max: 200, count: 20 }).error).toBe('Use at least 2 characters');
  });

  it('changedFields compares lists and objects by value, missing as null', () => {
    expect(changedFields({ a: [1], b: { x: 1 }, c: null as string | null }, { a: [1], b: { x: 2 }, c: null })).toEqual({ b: { x: 2 } });
  });
});
