import { z } from 'zod';
import { defineEndpoint } from '../rpc';
import { callAnalysisSchema, transcriptTurnSchema } from './analysis.model';

const isoDateTime = z.iso.datetime({ offset: true });

export const callTranscriptSchema = z.object({
  callId: z.uuid(),
  leadId: z.uuid(),
  campaignId: z.uuid().nullable(),
  personaId: z.uuid().nullable(),
  attempt: z.number().int().positive(),
  callOutcome: z.string(),
  endedReason: z.string().nullable(),
  durationSeconds: z.number(),
  recordingUrl: z.string().nullable(),
  providerSummary: z.string().nullable(),
  turns: z.array(transcriptTurnSchema),
  startedAt: isoDateTime,
  endedAt: isoDateTime,
  analysis: z.object({ analyzer: z.string(), fallbackReason: z.string().nullable(), analyzedAt: isoDateTime, result: callAnalysisSchema }).nullable(),
});
export type CallTranscript = z.infer<typeof callTranscriptSchema>;

export const leadTranscriptsV1 = defineEndpoint({
  service: 'intelligence',
  verb: 'lead_transcripts',
  version: 1,
  request: z.object({ leadId: z.uuid(), limit: z.coerce.number().int().min(1).max(100).default(20) }).strict(),
  response: z.object({ items: z.array(callTranscriptSchema) }),
});

export const callTranscriptV1 = defineEndpoint({
  service: 'intelligence',
  verb: 'call_transcript',
  version: 1,
  request: z.object({ callId: z.uuid() }).strict(),
  response: callTranscriptSchema,
});

const insightWindow = z
  .object({
    days: z.coerce.number().int().min(1).max(365).default(7),
    campaignId: z.uuid().optional(),
  })
  .strict();

const counted = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const conversationInsightsSchema = z.object({
  days: z.number().int(),
  campaignId: z.uuid().nullable(),
  analysedCalls: z.number().int(),
  qualifiedCalls: z.number().int(),
  objections: z.array(z.object({ category: z.string(), count: z.number().int(), share: z.number(), examples: z.array(z.string()) })),
  qualifiedCommon: z.object({ timelines: counted, financing: counted, propertyTypes: counted, locations: counted, averageScore: z.number().nullable() }),
  priceSensitivity: z.object({ priceObjectionShare: z.number(), budgetBands: counted, medianBudgetInr: z.number().nullable() }),
  timelines: counted,
  amenities: counted,
  locations: counted,
});
export const conversationInsightsV1 = defineEndpoint({ service: 'intelligence', verb: 'insights_conversations', version: 1, request: insightWindow, response: conversationInsightsSchema });

export const trendInsightsSchema = z.object({
  days: z.number().int(),
  campaignId: z.uuid().nullable(),
  /** Heatmap data: calls and answer rate per weekday (0 = Sunday) and hour, both in the lead's own zone. */
  answerRateByHour: z.array(z.object({ dow: z.number().int(), hour: z.number().int(), calls: z.number().int(), answered: z.number().int(), rate: z.number() })),
  durationByOutcome: z.array(z.object({ outcome: z.string(), calls: z.number().int(), averageSeconds: z.number() })),
  sentimentOverTime: z.array(z.object({ day: z.string(), positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() })),
  personas: z.array(z.object({ personaId: z.uuid().nullable(), calls: z.number().int(), analysed: z.number().int(), qualified: z.number().int(), qualifiedRate: z.number(), averageScore: z.number().nullable() })),
});
export const trendInsightsV1 = defineEndpoint({ service: 'intelligence', verb: 'insights_trends', version: 1, request: insightWindow, response: trendInsightsSchema });

export const recommendationSchema = z.object({
  kind: z.enum(['calling_window', 'persona', 'objection', 'timeline']),
  title: z.string(),
  detail: z.string(),
  /** The figures behind it, so a person can judge it. */
  evidence: z.record(z.string(), z.union([z.number(), z.string()])),
});
export const recommendationsV1 = defineEndpoint({
  service: 'intelligence',
  verb: 'insights_recommendations',
  version: 1,
  request: insightWindow,
  response: z.object({ days: z.number().int(), campaignId: z.uuid().nullable(), items: z.array(recommendationSchema) }),
});

/** Recomputes the tenant's insight aggregates from the stored calls (after a restore or a bulk load). */
export const rebuildInsightsV1 = defineEndpoint({
  service: 'intelligence',
  verb: 'insights_rebuild',
  version: 1,
  request: z.object({}).strict(),
  response: z.object({ callsRead: z.number().int() }),
});
