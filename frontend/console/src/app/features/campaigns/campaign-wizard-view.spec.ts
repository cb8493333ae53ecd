import { EMPTY_WIZARD, campaignToForm, daysText, firstInvalidStep, formToWritable, issueTarget, issuesByStep, moveItem, reviewSentences, stepProblems, weightShares, type WizardForm } from './campaign-wizard-view';

const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const form = (over: Partial<WizardForm> = {}): WizardForm => ({ ...EMPTY_WIZARD, name: 'Whitefield launch', ...over });
const names = { property: (id: string) => (id === P1 ? 'Prestige Lakeside' : 'Sobha Dream'), persona: (id: string) => (id === P1 ? 'Priya' : 'Arjun') };

describe('campaign wizard: step validity', () => {
  it('needs a name and ordered dates in basics', () => {
    expect(stepProblems('basics', { ...EMPTY_WIZARD })).toEqual({ name: 'A name is required' });
    expect(stepProblems('basics', form({ startDate: '2026-12-10', endDate: '2026-12-01' }))).toEqual({ endDate: 'Ends before it starts' });
    expect(stepProblems('basics', form({ startDate: '2026-12-01', endDate: '2026-12-10' }))).toEqual({});
  });
  it('reads budgets as people type them (the properties page parser) and keeps min ≤ max', () => {
    expect(stepProblems('criteria', form({ budgetMin: '80 L', budgetMax: '5 Cr' }))).toEqual({});
    expect(stepProblems('criteria', form({ budgetMin: '5 Cr', budgetMax: '80 L' }))).toEqual({ budgetMin: 'The minimum is above the maximum' });
    expect(stepProblems('criteria', form({ budgetMax: 'lots' }))).toEqual({ budgetMax: 'Not an amount: try 5 Cr or 80 L' });
    expect(stepProblems('criteria', form({ customQuestions: ['ok'] }))).toEqual({ customQuestions: 'Each question is 3–300 characters' });
  });
  it('limits personas to five distinct with weights 1–100, properties distinct', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ personaId: `${i}`, weight: 10 }));
    expect(stepProblems('personas', form({ personas: six }))).toEqual({ personas: 'At most 5 personas' });
    expect(stepProblems('personas', form({ personas: [{ personaId: P1, weight: 0 }] }))).toEqual({ personas: 'Each weight is a whole number from 1 to 100' });
    expect(stepProblems('personas', form({ personas: [{ personaId: P1, weight: 1 }, { personaId: P1, weight: 2 }] }))).toEqual({ personas: 'A persona is listed twice' });
    expect(stepProblems('properties', form({ propertyIds: [P1, P1] }))).toEqual({ propertyIds: 'A property is listed twice' });
  });
  it('checks the calling window, attempts and retry delays', () => {
    expect(stepProblems('pacing', form())).toEqual({});
    expect(stepProblems('pacing', form({ days: [], windowStart: '20:00', windowEnd: '09:00', maxAttempts: 0, retryDelayMinutes: { ...EMPTY_WIZARD.retryDelayMinutes, busy: 1 } }))).toEqual({
      days: 'Pick at least one day',
      windowEnd: 'The window must end after it starts',
      maxAttempts: 'From 1 to 20',
      'retry.busy': 'From 5 minutes to 7 days',
    });
    expect(firstInvalidStep(form({ maxConcurrentCalls: 500 }))).toBe('pacing');
    expect(firstInvalidStep(form())).toBeNull();
  });
});

describe('campaign wizard: body and edit', () => {
  it('builds the writable body, leaving out unset criteria', () => {
    const body = formToWritable(form({ budgetMin: '80 L', budgetMax: '5 Cr', locations: [' Whitefield '], personas: [{ personaId: P1, weight: 70 }], propertyIds: [P2, P1], days: ['sat', 'mon'] }));
    expect(body).toMatchObject({
      name: 'Whitefield launch',
      description: null,
      startDate: null,
      qualificationCriteria: { budgetMinInr: 8_000_000, budgetMaxInr: 50_000_000, locations: ['Whitefield'] },
      callingPolicy: { days: ['mon', 'sat'], windowStart: '09:00', maxAttempts: 3 },
      personas: [{ personaId: P1, weight: 70 }],
      propertyIds: [P2, P1],
    });
    expect(Object.keys(body!['qualificationCriteria'] as object)).toEqual(['budgetMinInr', 'budgetMaxInr', 'locations']);
    expect(formToWritable(form({ name: ' ' }))).toBeNull();
  });
  it('round-trips a campaign into the form', () => {
    const body = formToWritable(form({ budgetMin: '80 L', financingStatuses: ['cash_buyer'], personas: [{ personaId: P1, weight: 3 }] }))!;
    const back = campaignToForm(body as Parameters<typeof campaignToForm>[0]);
    expect(back).toEqual(form({ budgetMin: '80 L', financingStatuses: ['cash_buyer'], personas: [{ personaId: P1, weight: 3 }] }));
  });
});

describe('campaign wizard: server issues land on their step', () => {
  it.each([
    ['body.name', { step: 'basics', field: 'name' }],
    ['body.qualificationCriteria.budgetMinInr', { step: 'criteria', field: 'budgetMin' }],
    ['body.callingPolicy.retryDelayMinutes.busy', { step: 'pacing', field: 'retryDelayMinutes' }],
    ['body.personas.2.weight', { step: 'personas', field: 'personas' }],
    ['changes.propertyIds', { step: 'properties', field: 'propertyIds' }],
    ['(root)', null],
  ])('%s', (path, target) => expect(issueTarget(path)).toEqual(target));
  it('groups a 400 and points at the earliest step', () => {
    const err = { status: 400, error: { error: { details: { issues: [{ path: 'body.callingPolicy.windowStart', message: 'must be HH:MM' }, { path: 'body.name', message: 'is required' }, { path: 'body', message: 'bad' }] } } } };
    expect(issuesByStep(err)).toEqual({ fields: { pacing: { windowStart: 'must be HH:MM' }, basics: { name: 'is required' } }, other: ['body: bad'], firstStep: 'basics' });
    expect(issuesByStep({ status: 409 })).toBeNull();
  });
});

describe('campaign wizard: shares, order and review', () => {
  it('shows weights as shares adding up to 100', () => {
    expect(weightShares([{ weight: 1 }, { weight: 1 }, { weight: 1 }])).toEqual([34, 33, 33]);
    expect(weightShares([{ weight: 70 }, { weight: 30 }])).toEqual([70, 30]);
    expect(weightShares([{ weight: 100 }])).toEqual([100]);
    expect(weightShares([])).toEqual([]);
  });
  it('moves a property up and down, not past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
  it('says days as a reader would', () => {
    expect(daysText(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'])).toBe('Mon to Sat');
    expect(daysText(['fri', 'mon', 'wed'])).toBe('Mon, Wed and Fri');
    expect(daysText([...'mon tue wed thu fri sat sun'.split(' ')])).toBe('every day');
  });
  it('reviews the campaign in sentences', () => {
    const r = reviewSentences(form({ budgetMin: '80 L', budgetMax: '5 Cr', purchaseTimelines: ['3_months'], requireDecisionMaker: true, propertyIds: [P1, P2], personas: [{ personaId: P1, weight: 3 }, { personaId: P2, weight: 1 }] }), names);
    expect(r.basics).toEqual(['“Whitefield launch” is a medium-priority outbound campaign.', 'It has no start or end date.']);
    expect(r.criteria).toEqual(['Budget between ₹80 L and ₹5 Cr.', 'Buying within 3 months.', 'The person on the call must be the decision maker.']);
    expect(r.properties).toEqual(['The agent leads with Prestige Lakeside.', 'Then offers Sobha Dream.']);
    expect(r.personas).toEqual(['Calls are split 75% Priya and 25% Arjun.']);
    expect(r.pacing).toEqual([
      "Calls Mon to Sat, 09:00–20:00 in the lead's own time zone.",
      'At most 3 attempts per lead and 5 calls at once.',
      'Retries after 4 hours when unanswered, 1 hour when busy, 1 day after voicemail and 30 minutes after a failure.',
    ]);
  });
});
