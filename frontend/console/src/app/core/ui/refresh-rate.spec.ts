import { DEFAULT_REFRESH_SECONDS, REFRESH_CHOICES, refreshLabel, refreshSecondsOf } from './refresh-rate';

describe('refresh rate preference', () => {
  it.each([
    [undefined, 30],
    [{}, 30],
    [{ refreshSeconds: 60 }, 60],
    [{ refreshSeconds: 0 }, 0],
    [{ refreshSeconds: 7 }, 30],
    [{ refreshSeconds: '60' }, 30],
  ])('refreshSecondsOf(%p) = %p', (prefs, expected) => {
    expect(refreshSecondsOf(prefs)).toBe(expected);
  });

  it('the default is one of the choices', () => {
    expect(REFRESH_CHOICES).toContain(DEFAULT_REFRESH_SECONDS);
  });

  it.each([
    [15, 'Every 15 seconds'],
    [60, 'Every minute'],
    [300, 'Every 5 minutes'],
    [0, 'Off (live updates only)'],
  ] as const)('refreshLabel(%p) = %s', (s, label) => {
    expect(refreshLabel(s)).toBe(label);
  });
});
