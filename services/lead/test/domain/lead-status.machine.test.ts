import { LEAD_STATUSES } from '@soraaya/contracts';
import { LEAD_STATUS_TRANSITIONS, allowedTargets, checkTransition } from '../../src/domain/lead-status.machine';

describe('lead status machine', () => {
  it.each([
    ['to_call', 'calling', 'auto', true],
    ['to_call', 'calling', 'manual', false],
    ['calling', 'in_call', 'auto', true],
    ['in_call', 'qualified', 'auto', true],
    ['in_call', 'qualified', 'manual', false],
    ['qualified', 'human_follow_up', 'manual', true],
    ['qualified', 'to_call', 'manual', false],
    ['human_input_needed', 'qualified', 'manual', true],
    ['unresponsive', 'to_call', 'auto', true],
    ['call_failed', 'to_call', 'manual', true],
    ['not_interested', 'calling', 'auto', false],
    ['to_call', 'to_call', 'manual', false],
  ] as const)('%s → %s by %s: %s', (from, to, mover, expected) => {
    expect(checkTransition(from, to, mover).allowed).toBe(expected);
  });

  it('names the allowed targets when it refuses', () => {
    const result = checkTransition('qualified', 'calling', 'manual');
    expect(result).toEqual({
      allowed: false,
      reason: 'Cannot move a lead from qualified to calling by hand; allowed from qualified: not_interested, follow_up, human_input_needed, human_follow_up',
      allowedTargets: ['not_interested', 'follow_up', 'human_input_needed', 'human_follow_up'],
    });
  });

  it('has a row for every status, no self-loops, and every status reachable', () => {
    expect(Object.keys(LEAD_STATUS_TRANSITIONS).sort()).toEqual([...LEAD_STATUSES].sort());
    const reachable = new Set<string>();
    for (const from of LEAD_STATUSES) {
      expect(LEAD_STATUS_TRANSITIONS[from][from]).toBeUndefined();
      for (const to of Object.keys(LEAD_STATUS_TRANSITIONS[from])) reachable.add(to);
    }
    expect([...reachable].sort()).toEqual([...LEAD_STATUSES].sort());
  });

  it('never lets a person claim a call is in progress', () => {
    for (const from of LEAD_STATUSES) {
      expect(allowedTargets(from, 'manual')).not.toContain('calling');
      expect(allowedTargets(from, 'manual')).not.toContain('in_call');
    }
  });

  it('lets a person escalate any non-human status to a human queue', () => {
    for (const from of LEAD_STATUSES.filter((s) => !s.startsWith('human_'))) {
      const manual = allowedTargets(from, 'manual');
      expect(manual.includes('human_follow_up') || manual.includes('human_input_needed')).toBe(true);
    }
  });
});
