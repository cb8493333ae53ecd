import { callbackReminderAt, notificationsFor, type Trigger } from '../../src/domain/notification-rules';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const settings = { importRejectedShare: 0.2, callFailuresInARow: 3 };
const LEAD = '0193a000-0000-7000-8000-000000000001';
const analysed = (a: Partial<Extract<Trigger, { kind: 'call_analyzed' }>['analysis']>): Trigger => ({
  kind: 'call_analyzed',
  leadId: LEAD,
  campaignId: null,
  analysis: { outcome: 'follow_up', humanNeeded: null, callbackAt: null, score: 50, summary: 'summary', ...a },
});
const counts = (rowsRead: number, rejected: number) => ({ rowsRead, created: rowsRead - rejected, merged: 0, unchanged: 0, rejected, warnings: 0 });

describe('notification rules', () => {
  it.each<[string, Trigger, string[]]>([
    ['a qualified lead, score 85 → high', analysed({ outcome: 'qualified', score: 85 }), ['qualified_lead_ready:high:qualified:' + LEAD]],
    ['a qualified lead, score 62 → medium', analysed({ outcome: 'qualified', score: 62 }), ['qualified_lead_ready:medium:qualified:' + LEAD]],
    ['a follow-up raises nothing', analysed({}), []],
    ['asks for a person', analysed({ outcome: 'human_input_needed', humanNeeded: 'asked_for_human' }), ['human_intervention:high:human:' + LEAD]],
    ['a legal question', analysed({ outcome: 'human_input_needed', humanNeeded: 'legal_question' }), ['human_intervention:high:human:' + LEAD]],
    ['a complaint escalates the call', analysed({ outcome: 'not_interested', humanNeeded: 'complaint' }), ['escalated_call:high:human:' + LEAD]],
    ['a callback in 40 minutes', analysed({ outcome: 'callback_requested', callbackAt: '2026-11-20T10:40:00.000Z' }), [`urgent_callback:high:callback:${LEAD}:2026-11-20T10:40:00.000Z`]],
    ['a callback tomorrow raises nothing now', analysed({ outcome: 'callback_requested', callbackAt: '2026-11-21T12:30:00.000Z' }), []],
    ['a due callback reminder', { kind: 'callback_due', leadId: LEAD, campaignId: null, callbackAt: '2026-11-20T10:59:00.000Z' }, [`urgent_callback:high:callback:${LEAD}:2026-11-20T10:59:00.000Z`]],
    ['two failed calls in a row: not yet', { kind: 'call_failed', leadId: LEAD, campaignId: null, consecutiveFailures: 2, endedReason: 'twilio:failed' }, []],
    ['three failed calls in a row', { kind: 'call_failed', leadId: LEAD, campaignId: null, consecutiveFailures: 3, endedReason: 'twilio:failed' }, ['technical_issue:medium:call-failures:' + LEAD]],
    ['a provider circuit opening', { kind: 'circuit_opened', provider: 'vapi', campaignId: LEAD, errorRate: 0.6, lastError: '500' }, [`system_alert:high:circuit:vapi:${LEAD}`]],
    ['an import with 25% rejected', { kind: 'import_completed', importId: LEAD, fileName: 'a.csv', status: 'completed', counts: counts(100, 25), error: null }, ['data_validation:medium:import:' + LEAD]],
    ['an import with 5% rejected raises nothing', { kind: 'import_completed', importId: LEAD, fileName: 'a.csv', status: 'completed', counts: counts(100, 5), error: null }, []],
    ['a failed import → high', { kind: 'import_completed', importId: LEAD, fileName: 'a.csv', status: 'failed', counts: counts(0, 0), error: 'not a CSV' }, ['data_validation:high:import:' + LEAD]],
  ])('%s', (_name, trigger, expected) => {
    expect(notificationsFor(trigger, NOW, settings).map((r) => `${r.type}:${r.priority}:${r.dedupKey}`)).toEqual(expected);
  });

  it('reminds an hour before a later callback', () => {
    expect(callbackReminderAt('2026-11-21T12:30:00.000Z').toISOString()).toBe('2026-11-21T11:30:00.000Z');
  });
});
