import { budgetFits, decideOutcome, scoreLead, type OutcomeFacts } from '../../src/domain/qualify';
import { CR } from './turns.fixture';

const base: OutcomeFacts = {
  conversation: true,
  refused: false,
  humanNeeded: null,
  callbackAt: null,
  budget: { min: 12 * CR, max: 15 * CR },
  timeline: '3_months',
  propertyType: 'apartment',
  locations: ['Worli'],
  financing: 'cash_buyer',
  decisionMaker: null,
  interestLevel: 'high',
};
const criteria = {
  budgetMinInr: 5 * CR,
  budgetMaxInr: 30 * CR,
  purchaseTimelines: ['immediate', '3_months', '6_months'] as const,
  propertyTypes: ['apartment', 'penthouse'] as const,
};
const c = { ...criteria, purchaseTimelines: [...criteria.purchaseTimelines], propertyTypes: [...criteria.propertyTypes] };

describe('decideOutcome precedence', () => {
  it.each<[string, Partial<OutcomeFacts>, object, string]>([
    ['no conversation beats everything', { conversation: false, refused: true }, c, 'no_conversation'],
    ['refusal beats a complaint', { refused: true, humanNeeded: 'complaint' }, c, 'not_interested'],
    ['human need beats a callback', { humanNeeded: 'asked_for_human', callbackAt: '2026-11-28T11:00:00+05:30' }, c, 'human_input_needed'],
    ['callback beats qualified', { callbackAt: '2026-11-21T18:00:00+05:30' }, c, 'callback_requested'],
    ['all criteria met', {}, c, 'qualified'],
    ['no budget', { budget: null }, c, 'follow_up'],
    ['no timeline', { timeline: null }, c, 'follow_up'],
    ['timeline outside criteria', { timeline: '1_year' }, c, 'follow_up'],
    ['budget below the floor', { budget: { min: (50 * CR) / 100, max: 1 * CR } }, c, 'follow_up'],
    ['inclusive overlap at the floor', { budget: { min: 4 * CR, max: 5 * CR } }, c, 'qualified'],
    ['open-ended "6 Cr plus"', { budget: { min: 6 * CR, max: null } }, { budgetMinInr: 5 * CR, budgetMaxInr: 10 * CR }, 'qualified'],
    ['"up to 10" against a 5 Cr floor', { budget: { min: null, max: 10 * CR } }, c, 'qualified'],
    ['wrong property type', { propertyType: 'plot' }, c, 'follow_up'],
    ['decision maker required but unknown', {}, { requireDecisionMaker: true }, 'follow_up'],
    ['decision maker required and false', { decisionMaker: false }, { requireDecisionMaker: true }, 'follow_up'],
    ['decision maker required and true', { decisionMaker: true }, { requireDecisionMaker: true }, 'qualified'],
    ['lukewarm but meets every criterion', { interestLevel: 'low' }, c, 'qualified'],
    ['no interest at all', { interestLevel: 'none' }, c, 'follow_up'],
    ['empty criteria', {}, {}, 'qualified'],
  ])('%s', (_name, patch, crit, expected) => {
    expect(decideOutcome({ ...base, ...patch }, crit)).toBe(expected);
  });
});

describe('budgetFits', () => {
  it.each([
    [{ min: 4 * CR, max: 5 * CR }, { budgetMinInr: 5 * CR }, true],
    [{ min: 4 * CR, max: 4.9 * CR }, { budgetMinInr: 5 * CR }, false],
    [{ min: 40 * CR, max: 40 * CR }, { budgetMaxInr: 30 * CR }, false],
    [{ min: null, max: null }, { budgetMinInr: 5 * CR }, true],
  ])('%j fits %j → %s', (b, crit, expected) => {
    expect(budgetFits(b, crit)).toBe(expected);
  });
});

describe('scoreLead', () => {
  it('scores a lead meeting everything near 100 and explains it', () => {
    const { score, reasons } = scoreLead({ ...base, decisionMaker: true }, c);
    expect(score).toBeGreaterThanOrEqual(90);
    expect(reasons.join(' | ')).toMatch(/fits/);
  });
  it('scores a failing lead lower than a fitting one', () => {
    const good = scoreLead(base, c).score;
    const bad = scoreLead({ ...base, budget: { min: CR / 2, max: CR }, timeline: '1_year', interestLevel: 'low' }, c).score;
    expect(bad).toBeLessThan(good);
    expect(bad).toBeGreaterThanOrEqual(0);
  });
});
