import type { Call } from '@soraaya/contracts';
import { callOfEvent, callSeconds, callingTotals, campaignRows, clock, clockWords, controlOf, endedCalls, liveCalls, mergeCalls, prunePatches, type CallingStatus, type CampaignCounts } from './calling-view';

const call = (id: string, over: Partial<Call> = {}): Call => ({
  id,
  tenantId: 't',
  campaignId: 'c1',
  leadId: `lead-${id}`,
  attempt: 1,
  direction: 'outbound',
  personaId: null,
  provider: 'simulator',
  providerCallId: null,
  state: 'dialing',
  outcome: null,
  endedReason: null,
  durationSeconds: null,
  costUsd: null,
  recordingUrl: null,
  createdAt: `2026-03-01T10:00:0${id}.000Z`,
  startedAt: null,
  endedAt: null,
  ...over,
});
const counts = (over: Partial<CampaignCounts>): CampaignCounts => ({ campaignId: 'c1', name: 'Mumbai', status: 'active', activeCalls: 2, maxConcurrentCalls: 5, queued: 10, dueNow: 3, done: 4, callsToday: 7, ...over });

describe('calling monitor: live calls from the status and the events after it', () => {
  it('an event moves a listed call on; a late event about an earlier state changes nothing', () => {
    const base = [call('1', { state: 'ringing' }), call('2', { state: 'in_progress' })];
    const patches = new Map([
      ['1', call('1', { state: 'in_progress', startedAt: '2026-03-01T10:00:05.000Z' })],
      ['2', call('2', { state: 'dialing' })],
    ]);
    const merged = mergeCalls(base, patches);
    expect(merged.map((c) => [c.id, c.state])).toEqual([
      ['1', 'in_progress'],
      ['2', 'in_progress'],
    ]);
  });

  it('a new call joins at the bottom; an ended one leaves the live list for the ended one', () => {
    const base = [call('1', { state: 'in_progress' }), call('2', { state: 'dialing' })];
    const patches = new Map([
      ['3', call('3', { state: 'queued' })],
      ['2', call('2', { state: 'ended', outcome: 'no_answer', endedAt: '2026-03-01T10:00:40.000Z' })],
    ]);
    const merged = mergeCalls(base, patches);
    expect(liveCalls(merged).map((c) => c.id)).toEqual(['1', '3']);
    expect(endedCalls(merged).map((c) => c.id)).toEqual(['2']);
  });

  it('ended calls newest first, at most the limit', () => {
    const ended = ['1', '2', '3'].map((id) => call(id, { state: 'ended', endedAt: `2026-03-01T10:0${id}:00.000Z` }));
    expect(endedCalls(ended, 2).map((c) => c.id)).toEqual(['3', '2']);
  });

  it('reads a call from a call.status_changed event only', () => {
    const c = call('1');
    expect(callOfEvent({ topic: 'calls', event: { type: 'call.status_changed', data: { call: c } } })).toBe(c);
    expect(callOfEvent({ topic: 'calls', event: { type: 'call.ended', data: { callId: '1' } } })).toBeNull();
    expect(callOfEvent({ topic: 'calls', event: { type: 'call.status_changed', data: { call: { id: '1', state: 'bogus' } } } })).toBeNull();
    expect(callOfEvent(null)).toBeNull();
  });

  it('a fresh status keeps only the events it has not caught up with', () => {
    const base = [call('2', { state: 'in_progress' }), call('3', { state: 'dialing' })];
    const patches = new Map([
      ['2', call('2', { state: 'ringing' })], // the status is further on: dropped
      ['3', call('3', { state: 'ringing' })], // further than the status: kept
      ['4', call('4', { state: 'queued' })], // newer than anything listed: kept
      ['1', call('1', { state: 'in_progress' })], // older than the listed window: dropped
    ]);
    expect([...prunePatches(patches, base).keys()].sort()).toEqual(['3', '4']);
    expect([...prunePatches(patches, []).keys()].sort()).toEqual(['1', '2', '3', '4']);
  });
});

describe('calling monitor: clocks', () => {
  const now = Date.parse('2026-03-01T10:02:10.000Z');
  it.each([
    ['talking since it was answered', { startedAt: '2026-03-01T10:01:00.000Z' }, 70],
    ['waiting since it was placed', {}, 130],
    ['an ended call: its duration', { endedAt: '2026-03-01T10:01:30.000Z', durationSeconds: 42.4 }, 42],
    ['a clock ahead of ours', { startedAt: '2026-03-01T10:03:00.000Z' }, 0],
  ])('%s', (_what, over, seconds) => {
    expect(callSeconds(call('0', { createdAt: '2026-03-01T10:00:00.000Z', ...over }), now)).toBe(seconds);
  });

  it.each([
    [7, '0:07', '7 seconds'],
    [65, '1:05', '1 minute 5 seconds'],
    [754, '12:34', '12 minutes 34 seconds'],
    [3723, '1:02:03', '1 hour 2 minutes 3 seconds'],
    [0, '0:00', '0 seconds'],
  ])('%p s: %s, "%s"', (s, text, words) => {
    expect(clock(s)).toBe(text);
    expect(clockWords(s)).toBe(words);
  });
});

describe('calling monitor: campaigns and controls', () => {
  it.each([
    ['active', true, 'stop'],
    ['paused', true, 'start'],
    ['draft', true, 'start'],
    ['completed', true, null],
    ['active', false, null],
  ] as const)('%s, may control %p: %p', (status, can, control) => {
    expect(controlOf(status, can)).toBe(control);
  });

  it('active campaigns first, then paused, then drafts not yet in the dialer', () => {
    const rows = campaignRows(
      [counts({ campaignId: 'p', name: 'Alpha', status: 'paused', activeCalls: 0 }), counts({ campaignId: 'a', name: 'Zeta', activeCalls: 7, maxConcurrentCalls: 5 })],
      [
        { id: 'd', name: 'Draft one', status: 'draft' },
        { id: 'a', name: 'Zeta', status: 'active' },
        { id: 'x', name: 'Done', status: 'completed' },
      ],
      true,
    );
    expect(rows.map((r) => [r.campaignId, r.control])).toEqual([
      ['a', 'stop'],
      ['p', 'start'],
      ['d', 'start'],
    ]);
    expect(rows[0]).toMatchObject({ load: 1, loadLabel: '7 of 5 lines in use', statusTone: 'success', counts: { queued: 10, dueNow: 3, callsToday: 7 } });
    expect(rows[2]).toMatchObject({ counts: null, loadLabel: 'Not calling yet' });
  });

  it('totals over the campaigns', () => {
    const status = { activeCalls: 3, tenantCap: 20, campaigns: [counts({}), counts({ campaignId: 'c2', status: 'paused', queued: 5, dueNow: 0, callsToday: 1 })], recentCalls: [] } as CallingStatus;
    expect(callingTotals(status)).toEqual({ activeCalls: 3, tenantCap: 20, calling: 1, queued: 15, dueNow: 3, callsToday: 8 });
    expect(callingTotals(null)).toMatchObject({ activeCalls: 0, tenantCap: null });
  });
});
