import type { AnalysisInput, CallAnalysis } from '@soraaya/contracts';
import { analyzeOffline } from '../domain/analyze-offline';

export interface LlmUsage {
  model: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  cached: boolean;
  error: string | null;
}

export interface AnalyzerResult {
  analysis: CallAnalysis;
  /** `offline` or the model that answered. */
  analyzer: string;
  /** Why the offline analyzer answered when OpenAI should have. */
  fallbackReason: string | null;
  usage: LlmUsage | null;
}

/** One interface, two analyzers (offline rules, OpenAI); chosen by config. */
export interface Analyzer {
  analyze(input: AnalysisInput, textHash: string): Promise<AnalyzerResult>;
}

export class OfflineAnalyzer implements Analyzer {
  async analyze(input: AnalysisInput): Promise<AnalyzerResult> {
    return { analysis: analyzeOffline(input), analyzer: 'offline', fallbackReason: null, usage: null };
  }
}
