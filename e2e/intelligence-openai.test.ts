import type { AnalysisInput, CallAnalysis } from '@soraaya/contracts';
import { loadConfig } from '@soraaya/service-kit';
import { createTestInfra, type TestInfra } from '@soraaya/service-kit/testing';
import { buildIntelligenceApp, type IntelligenceApp } from '../services/intelligence/src/app';
import { intelligenceConfigSchema } from '../services/intelligence/src/config';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-providers';

/**
 * The OpenAI analyzer as the service builds it (real `openai` SDK, real cache
 * table) against a local server speaking the chat completions wire format.
 */
const KEY = 'sk-test-0123456789abcdefghijklmnop';

const input: AnalysisInput = {
  turns: [
    { role: 'assistant', text: 'Hello, this is Priya from Lodha Luxury.', start: 0, end: 2.5 },
    { role: 'user', text: 'Budget is 8 crore, we want to buy within 3 months.', start: 3, end: 6 },
  ],
  callStartedAt: '2026-11-20T10:30:00+05:30',
  leadTimeZone: 'Asia/Kolkata',
  endedReason: 'customer-ended-call',
  criteria: {},
};

const modelAnswer: CallAnalysis = {
  outcome: 'qualified',
  budgetInr: { min: 80_000_000, max: 80_000_000 },
  timeline: '3_months',
  propertyType: null,
  locations: [],
  financing: null,
  decisionMaker: null,
  interestLevel: 'high',
  sentiment: 'positive',
  turnSentiments: [{ turn: 1, sentiment: 'positive' }],
  objections: [],
  amenities: [],
  actionItems: ['Send the price sheet'],
  callbackAt: null,
  humanNeeded: null,
  score: 82,
  scoreReasons: ['budget 8 Cr', 'buying within 3 months'],
  summary: 'Wants to buy within 3 months for 8 Cr.',
};

describe('OpenAI analyzer over the chat completions wire format', () => {
  let infra: TestInfra;
  let fake: FakeOpenAi;
  let app: IntelligenceApp;

  beforeAll(async () => {
    infra = await createTestInfra('intelai');
    fake = await startFakeOpenAi(KEY);
    app = await buildIntelligenceApp(
      loadConfig(intelligenceConfigSchema, { ...infra.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_MAX_RETRIES: '0', OPENAI_BREAKER_FAILURES: '2', OPENAI_BREAKER_COOLDOWN_SECONDS: '3600' }),
    );
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await infra?.destroy();
  });

  it('asks for structured output, validates it with the shared schema, records tokens and cost, and caches by transcript hash', async () => {
    fake.answer = modelAnswer;
    const first = await app.analyzer.analyze(input, 'hash-1');
    expect(first).toMatchObject({ analyzer: 'gpt-4o-mini', fallbackReason: null, analysis: modelAnswer });
    // 1,200 prompt tokens at $0.15/M + 300 completion tokens at $0.60/M.
    expect(first.usage).toEqual({ model: 'gpt-4o-mini', promptTokens: 1200, completionTokens: 300, costUsd: 0.00036, cached: false, error: null });
    const sent = fake.requests[0]!.body as { model: string; response_format: { type: string; json_schema: { name: string; strict: boolean; schema: { required: string[] } } }; messages: { role: string; content: string }[] };
    expect(sent.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'call_analysis', strict: true } });
    expect(sent.response_format.json_schema.schema.required).toEqual(expect.arrayContaining(['outcome', 'budgetInr', 'callbackAt', 'humanNeeded', 'score']));
    expect(JSON.parse(sent.messages[1]!.content)).toEqual(input);

    const again = await app.analyzer.analyze(input, 'hash-1');
    expect(again).toMatchObject({ analysis: modelAnswer, usage: { cached: true, costUsd: 0 } });
    expect(fake.requests).toHaveLength(1); // answered from the cache
  });

  it('falls back to the offline analyzer and says so when the answer breaks the schema or the API fails, then stops asking for a while', async () => {
    fake.requests.length = 0;
    fake.answer = { ...modelAnswer, outcome: 'very_interested' };
    const refused = await app.analyzer.analyze(input, 'hash-2');
    expect(refused.analyzer).toBe('offline');
    expect(refused.fallbackReason).toMatch(/^openai answer refused by the schema: outcome/);
    expect(refused.analysis.outcome).toBeDefined();
    expect(refused.usage).toMatchObject({ promptTokens: 1200, error: expect.stringMatching(/refused/) });

    fake.failing = true;
    for (const hash of ['hash-3', 'hash-4']) {
      const failed = await app.analyzer.analyze(input, hash);
      expect(failed).toMatchObject({ analyzer: 'offline', fallbackReason: expect.stringMatching(/^openai failed: 500/) });
    }
    const asked = fake.requests.length;
    const open = await app.analyzer.analyze(input, 'hash-5');
    expect(open.fallbackReason).toBe('openai breaker open after repeated failures');
    expect(fake.requests).toHaveLength(asked); // the breaker did not call the API
  });
});
