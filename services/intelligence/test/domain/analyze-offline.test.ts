import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { callAnalysisSchema, type AnalysisInput } from '@soraaya/contracts';
import { analyzeOffline } from '../../src/domain/analyze-offline';
import { script } from './turns.fixture';

const input = (lines: string[], over: Partial<AnalysisInput> = {}): AnalysisInput => ({
  turns: script(...lines),
  callStartedAt: '2026-11-20T11:40:00+05:30',
  leadTimeZone: 'Asia/Kolkata',
  endedReason: 'customer-ended-call',
  criteria: {},
  ...over,
});

describe('analyzeOffline', () => {
  it('qualifies a complete, fitting lead and explains the score', () => {
    const a = analyzeOffline(
      input(
        [
          'A: What are you looking for?',
          'A four BHK in Worli, sea facing. Budget is between twelve and fifteen crores.',
          'A: How soon?',
          'In the next two to three months. No loan, full payment.',
          'A: Who decides?',
          'My wife and I together. Perfect, please send the options.',
        ],
        { criteria: { budgetMinInr: 50_000_000, purchaseTimelines: ['immediate', '3_months'] } },
      ),
    );
    expect(callAnalysisSchema.parse(a)).toEqual(a);
    expect(a).toMatchObject({
      outcome: 'qualified',
      budgetInr: { min: 120_000_000, max: 150_000_000 },
      timeline: '3_months',
      propertyType: 'apartment',
      locations: ['Worli'],
      financing: 'cash_buyer',
      decisionMaker: true,
      interestLevel: 'high',
      callbackAt: null,
      humanNeeded: null,
    });
    expect(a.amenities).toContain('sea view');
    expect(a.score).toBeGreaterThan(80);
    expect(a.summary).toMatch(/qualified/);
  });

  it('asks for a callback at a resolved time', () => {
    const a = analyzeOffline(input(['A: Is this a good time?', "Not really, I'm driving. Can you call me tomorrow at 6?"]));
    expect(a.outcome).toBe('callback_requested');
    expect(a.callbackAt).toBe('2026-11-21T18:00:00+05:30');
    expect(a.actionItems[0]).toMatch(/2026-11-21T18:00/);
  });

  it('returns an empty analysis when nobody spoke', () => {
    const a = analyzeOffline(input([], { endedReason: 'customer-did-not-answer' }));
    expect(callAnalysisSchema.parse(a)).toEqual(a);
    expect(a).toMatchObject({ outcome: 'no_conversation', interestLevel: 'none', score: 0, turnSentiments: [] });
  });

  it('keeps a complaint on a refusal', () => {
    const a = analyzeOffline(
      input(['A: Hello', "It's the fifth call this week. I'm not interested. I want your manager to know. I want a written apology."]),
    );
    expect(a).toMatchObject({ outcome: 'not_interested', humanNeeded: 'complaint', interestLevel: 'none', sentiment: 'negative' });
  });

  it('produces schema-valid output for every dev eval case', () => {
    const cases = JSON.parse(readFileSync(resolve(__dirname, '../../../../eval/intelligence/cases.dev.json'), 'utf8')) as Array<{
      context: { callStartedAt: string; leadTimeZone: string; endedReason: string | null; criteria: AnalysisInput['criteria'] };
      transcript: AnalysisInput['turns'];
    }>;
    for (const c of cases) {
      const a = analyzeOffline({ turns: c.transcript, ...c.context });
      expect(() => callAnalysisSchema.parse(a)).not.toThrow();
    }
  });
});
