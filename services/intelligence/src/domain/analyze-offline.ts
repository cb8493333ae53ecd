import type { AnalysisInput, CallAnalysis } from '@soraaya/contracts';
import { extractActionItems } from './action-items';
import { extractAmenities } from './amenities';
import { extractBudget } from './budget';
import { extractCallback } from './callback';
import { extractDecisionMaker } from './decision-maker';
import { isNoConversation, refused as leadRefused } from './engagement';
import { extractFinancing } from './financing';
import { extractHumanNeed } from './human-need';
import { assessInterest } from './interest';
import { extractLocations } from './locations';
import { extractObjections } from './objections';
import { extractPropertyType } from './property-type';
import { decideOutcome, scoreLead } from './qualify';
import { analyzeSentiment } from './sentiment';
import { extractTimeline } from './timeline';

const EMPTY_SENTIMENT = { overall: 'neutral' as const, turns: [] };

function summarise(a: Omit<CallAnalysis, 'summary'>): string {
  if (a.outcome === 'no_conversation') return 'No conversation with the lead.';
  const parts: string[] = [`Outcome: ${a.outcome.replace(/_/g, ' ')} (score ${a.score}).`];
  const wants: string[] = [];
  if (a.propertyType) wants.push(a.propertyType);
  if (a.locations.length) wants.push(`in ${a.locations.join(' / ')}`);
  if (a.budgetInr) {
    const { min, max } = a.budgetInr;
    const cr = (n: number) => `₹${+(n / 1e7).toFixed(2)} Cr`;
    wants.push(
      min !== null && max !== null
        ? min === max
          ? `around ${cr(min)}`
          : `${cr(min)}–${cr(max)}`
        : min !== null
          ? `${cr(min)}+`
          : `up to ${cr(max!)}`,
    );
  }
  if (a.timeline) wants.push(`timeline ${a.timeline.replace('_', ' ')}`);
  if (wants.length) parts.push(`Lead wants ${wants.join(', ')}.`);
  if (a.financing) parts.push(`Financing: ${a.financing.replace('_', ' ')}.`);
  if (a.decisionMaker !== null) parts.push(a.decisionMaker ? 'Decision maker.' : 'Not the decision maker.');
  if (a.objections.length) parts.push(`Objections: ${a.objections.map((o) => o.category).join(', ')}.`);
  if (a.humanNeeded) parts.push(`Needs a human: ${a.humanNeeded.replace(/_/g, ' ')}.`);
  if (a.callbackAt) parts.push(`Callback at ${a.callbackAt}.`);
  return parts.join(' ').slice(0, 2000);
}

/**
 * The rule-based analyzer: every extractor over the user's turns, then the outcome and score.
 * Pure and deterministic; the OpenAI analyzer produces the same shape.
 */
export function analyzeOffline(input: AnalysisInput): CallAnalysis {
  const { turns, callStartedAt, leadTimeZone, endedReason, criteria } = input;
  const conversation = !isNoConversation(turns, endedReason);
  if (!conversation) {
    const base = {
      outcome: 'no_conversation' as const,
      budgetInr: null,
      timeline: null,
      propertyType: null,
      locations: [],
      financing: null,
      decisionMaker: null,
      interestLevel: 'none' as const,
      sentiment: EMPTY_SENTIMENT.overall,
      turnSentiments: [],
      objections: [],
      amenities: [],
      actionItems: ['Retry the call later'],
      callbackAt: null,
      humanNeeded: null,
      score: 0,
      scoreReasons: ['No conversation'],
    };
    return { ...base, summary: summarise(base) };
  }
  const refused = leadRefused(turns);
  const budgetInr = extractBudget(turns);
  const timeline = extractTimeline(turns, callStartedAt, leadTimeZone);
  const propertyType = extractPropertyType(turns);
  const locations = extractLocations(turns).slice(0, 20);
  const financing = extractFinancing(turns);
  const decisionMaker = extractDecisionMaker(turns);
  const callbackAt = extractCallback(turns, callStartedAt, leadTimeZone);
  const humanNeeded = extractHumanNeed(turns);
  const objections = extractObjections(turns, decisionMaker);
  const sentiment = analyzeSentiment(turns);
  const interestLevel = assessInterest(turns, {
    conversation,
    refused,
    budget: budgetInr,
    timeline,
    propertyType,
    locations,
    decisionMaker,
    callbackAt,
    humanNeeded,
    objections: objections.map((o) => o.category),
  });
  const facts = { budget: budgetInr, timeline, propertyType, locations, financing, decisionMaker, interestLevel };
  const outcome = decideOutcome({ ...facts, conversation, refused, humanNeeded, callbackAt }, criteria);
  const { score, reasons } = scoreLead(facts, criteria);
  const analysis = {
    outcome,
    budgetInr,
    timeline,
    propertyType,
    locations,
    financing,
    decisionMaker,
    interestLevel,
    sentiment: sentiment.overall,
    turnSentiments: sentiment.turns,
    objections,
    amenities: extractAmenities(turns).slice(0, 30),
    actionItems: extractActionItems(turns, { outcome, callbackAt, humanNeeded }),
    callbackAt,
    humanNeeded,
    score: refused ? Math.min(score, 10) : score,
    scoreReasons: refused ? ['Lead declined', ...reasons] : reasons,
  };
  return { ...analysis, summary: summarise(analysis) };
}
