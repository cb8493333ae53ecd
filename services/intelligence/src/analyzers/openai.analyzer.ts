import { callAnalysisSchema, type AnalysisInput, type CallAnalysis } from '@soraaya/contracts';
import type { Logger } from '@soraaya/service-kit';
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { DataSource } from 'typeorm';
import { analyzeOffline } from '../domain/analyze-offline';
import type { Analyzer, AnalyzerResult } from './analyzer';

export interface OpenAiAnalyzerConfig {
  apiKey: string;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  priceInputPerMTok: number;
  priceOutputPerMTok: number;
  breakerFailures: number;
  breakerCooldownMs: number;
}

const INSTRUCTIONS = `You read transcripts of calls in which an AI agent of a real-estate developer speaks with a lead (Indian or NRI buyer of luxury homes; English, Indian English or Hinglish).
Fill every field from what the LEAD (role "user") said; prices the agent quotes are not the lead's budget.
- budgetInr in rupees (1 lakh = 100000, 1 crore = 10000000); a single figure has min = max; "up to X" has min null; the last budget stated wins; foreign currency only gives null.
- timeline: immediate (now / within weeks), 3_months, 6_months, 1_year (7+ months); null when not said.
- callbackAt: the time the lead asked to be called back, resolved from callStartedAt in the lead's time zone (ISO 8601 with that zone's offset); "at 6" without am/pm means 18:00.
- humanNeeded: asked_for_human, complaint, site_visit_family (visit with family to be arranged by a person), legal_question (RERA, title, stamp duty...), price_negotiation (bargaining, discounts, a counter-offer) or emergency (a medical or family crisis on the lead's side).
- outcome precedence: no_conversation (voicemail/no answer/nothing said) > not_interested > human_input_needed > callback_requested (a specific time) > qualified (interested, budget and timeline stated, every campaign criterion met) > follow_up.
- score 0-100 against the campaign criteria, with reasons.`;

/**
 * Reads a call with OpenAI structured output, validated by the same zod schema
 * as the offline analyzer. Answers are cached by transcript hash and model;
 * tokens and cost are reported per request. Any failure (timeout, API error,
 * an answer the schema refuses) and an open breaker fall back to the offline
 * analyzer, and the result says so.
 */
export class OpenAiAnalyzer implements Analyzer {
  private readonly client: OpenAI;
  private failures = 0;
  private openUntil = 0;

  constructor(
    private readonly config: OpenAiAnalyzerConfig,
    /** The answer cache; null runs uncached (the eval CLI, which has no database). */
    private readonly ds: DataSource | null,
    private readonly logger: Logger,
  ) {
    this.client = new OpenAI({ apiKey: config.apiKey, ...(config.baseUrl ? { baseURL: config.baseUrl } : {}), timeout: config.timeoutMs, maxRetries: config.maxRetries });
  }

  async analyze(input: AnalysisInput, textHash: string): Promise<AnalyzerResult> {
    const model = this.config.model;
    const cached: { result: unknown }[] = this.ds ? await this.ds.query(`select result from intel.llm_cache where text_hash = $1 and model = $2`, [textHash, model]) : [];
    const hit = cached[0] && callAnalysisSchema.safeParse(cached[0].result);
    if (hit?.success) return { analysis: hit.data, analyzer: model, fallbackReason: null, usage: { model, promptTokens: 0, completionTokens: 0, costUsd: 0, cached: true, error: null } };
    if (Date.now() < this.openUntil) return this.fallback(input, 'openai breaker open after repeated failures', null);
    try {
      const completion = await this.client.chat.completions.create({
        model,
        temperature: 0,
        messages: [
          { role: 'system', content: INSTRUCTIONS },
          { role: 'user', content: JSON.stringify(input) },
        ],
        response_format: zodResponseFormat(callAnalysisSchema, 'call_analysis'),
      });
      const usage = {
        model,
        promptTokens: completion.usage?.prompt_tokens ?? 0,
        completionTokens: completion.usage?.completion_tokens ?? 0,
        costUsd: 0,
        cached: false,
        error: null as string | null,
      };
      usage.costUsd = (usage.promptTokens * this.config.priceInputPerMTok + usage.completionTokens * this.config.priceOutputPerMTok) / 1e6;
      const content = completion.choices[0]?.message.content;
      const parsed = callAnalysisSchema.safeParse(content ? JSON.parse(content) : null);
      if (!parsed.success) {
        const reason = `openai answer refused by the schema: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`;
        return this.fallback(input, reason, { ...usage, error: reason });
      }
      this.failures = 0;
      await this.ds?.query(`insert into intel.llm_cache (text_hash, model, result) values ($1, $2, $3) on conflict do nothing`, [textHash, model, JSON.stringify(parsed.data)]);
      return { analysis: parsed.data, analyzer: model, fallbackReason: null, usage };
    } catch (err) {
      const reason = `openai failed: ${(err as Error).message.split('\n')[0]}`.slice(0, 300);
      if (++this.failures >= this.config.breakerFailures) {
        this.openUntil = Date.now() + this.config.breakerCooldownMs;
        this.failures = 0;
        this.logger.error({ reason }, 'openai breaker opened: analysing offline for a while');
      }
      return this.fallback(input, reason, { model, promptTokens: 0, completionTokens: 0, costUsd: 0, cached: false, error: reason });
    }
  }

  private fallback(input: AnalysisInput, reason: string, usage: AnalyzerResult['usage']): AnalyzerResult {
    this.logger.warn({ reason }, 'analysed offline instead of with openai');
    const analysis: CallAnalysis = analyzeOffline(input);
    return { analysis, analyzer: 'offline', fallbackReason: reason, usage };
  }
}
