import { z } from 'zod';
import { CALL_CLASSIFICATIONS } from '../calls/intel-call-analyzed.v1';
import { qualificationCriteriaSchema } from '../campaign/campaign.model';
import { financingStatusSchema, propertyTypeSchema, purchaseTimelineSchema } from '../lead/lead.model';

/** One turn of a call: who spoke, what, and when (seconds from the call's start). */
export const transcriptTurnSchema = z.object({
  role: z.enum(['assistant', 'user']),
  text: z.string(),
  start: z.number().nonnegative().nullable(),
  end: z.number().nonnegative().nullable(),
});
export type TranscriptTurn = z.infer<typeof transcriptTurnSchema>;

/** What an analyzer reads: the turns plus what it needs to resolve times and judge fit. */
export const analysisInputSchema = z.object({
  turns: z.array(transcriptTurnSchema),
  callStartedAt: z.iso.datetime({ offset: true }),
  leadTimeZone: z.string(),
  /** The provider's end reason (VAPI endedReason, Twilio status), e.g. voicemail. */
  endedReason: z.string().nullable(),
  criteria: qualificationCriteriaSchema,
});
export type AnalysisInput = z.infer<typeof analysisInputSchema>;

export const OBJECTION_CATEGORIES = ['price', 'location', 'timing', 'trust', 'already_bought', 'not_decision_maker', 'other'] as const;
/** Why a person must step in; `emergency` (a crisis on the lead's side) and `price_negotiation` (bargaining the agent may not do) added after the third held-out set showed them. */
export const HUMAN_NEEDS = ['asked_for_human', 'complaint', 'site_visit_family', 'legal_question', 'price_negotiation', 'emergency'] as const;
export const INTEREST_LEVELS = ['high', 'medium', 'low', 'none'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const sentimentSchema = z.enum(SENTIMENTS);

const inr = z.number().int().nonnegative().max(1e13);

/**
 * What an analyzer concludes from one call. The offline analyzer and the OpenAI
 * analyzer both produce exactly this (the OpenAI answer is validated by it).
 */
export const callAnalysisSchema = z.object({
  outcome: z.enum(CALL_CLASSIFICATIONS),
  /** Rupees; a single figure has min = max; "up to X" has min null. */
  budgetInr: z.object({ min: inr.nullable(), max: inr.nullable() }).nullable(),
  timeline: purchaseTimelineSchema.nullable(),
  propertyType: propertyTypeSchema.nullable(),
  locations: z.array(z.string().max(120)).max(20),
  financing: financingStatusSchema.nullable(),
  decisionMaker: z.boolean().nullable(),
  interestLevel: z.enum(INTEREST_LEVELS),
  sentiment: sentimentSchema,
  /** Sentiment of each user turn, by index into the turns. */
  turnSentiments: z.array(z.object({ turn: z.number().int().nonnegative(), sentiment: sentimentSchema })),
  objections: z.array(z.object({ category: z.enum(OBJECTION_CATEGORIES), quote: z.string().max(500) })),
  amenities: z.array(z.string().max(80)).max(30),
  actionItems: z.array(z.string().max(300)).max(20),
  /** When the lead asked to be called back, resolved in the lead's zone. */
  callbackAt: z.iso.datetime({ offset: true }).nullable(),
  humanNeeded: z.enum(HUMAN_NEEDS).nullable(),
  /** 0–100 against the campaign's criteria, with the reasons that made it. */
  score: z.number().int().min(0).max(100),
  scoreReasons: z.array(z.string().max(300)),
  summary: z.string().max(2000),
});
export type CallAnalysis = z.infer<typeof callAnalysisSchema>;
