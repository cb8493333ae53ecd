import type { conversationInsightsSchema, recommendationSchema, trendInsightsSchema } from '@soraaya/contracts';
import type { z } from 'zod';

type Recommendation = z.infer<typeof recommendationSchema>;
type Conversation = z.infer<typeof conversationInsightsSchema>;
type Trends = z.infer<typeof trendInsightsSchema>;

/** Figures thinner than this say nothing; no recommendation is drawn from them. */
export const MIN_SAMPLE = 20;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pct = (x: number) => `${Math.round(x * 100)}%`;
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00–${String((h + 1) % 24).padStart(2, '0')}:00`;

/**
 * Recommendations a sales-ops lead can act on, each only when the sample is big
 * enough and the difference large enough to matter, with the numbers behind it.
 */
export function recommend(conv: Conversation, trends: Trends): Recommendation[] {
  const out: Recommendation[] = [];
  const slots = trends.answerRateByHour.filter((s) => s.calls >= MIN_SAMPLE);
  const calls = trends.answerRateByHour.reduce((n, s) => n + s.calls, 0);
  const overall = calls ? trends.answerRateByHour.reduce((n, s) => n + s.answered, 0) / calls : 0;
  const best = [...slots].sort((a, b) => b.rate - a.rate || b.calls - a.calls)[0];
  const worst = [...slots].sort((a, b) => a.rate - b.rate || b.calls - a.calls)[0];
  if (best && best.rate >= overall * 1.2 && best.rate - overall >= 0.05) {
    out.push({
      kind: 'calling_window',
      title: `Call more on ${DAYS[best.dow]} ${hourLabel(best.hour)} (lead's local time)`,
      detail: `${pct(best.rate)} of calls in that hour were answered against ${pct(overall)} overall; schedule retries and new leads there first.`,
      evidence: { dow: best.dow, hour: best.hour, calls: best.calls, answerRate: round(best.rate), overallAnswerRate: round(overall) },
    });
  }
  if (worst && worst !== best && worst.rate <= overall * 0.6) {
    out.push({
      kind: 'calling_window',
      title: `Avoid ${DAYS[worst.dow]} ${hourLabel(worst.hour)}`,
      detail: `Only ${pct(worst.rate)} of ${worst.calls} calls were answered then, against ${pct(overall)} overall.`,
      evidence: { dow: worst.dow, hour: worst.hour, calls: worst.calls, answerRate: round(worst.rate), overallAnswerRate: round(overall) },
    });
  }
  const personas = trends.personas.filter((p) => p.personaId && p.analysed >= MIN_SAMPLE).sort((a, b) => b.qualifiedRate - a.qualifiedRate);
  const top = personas[0];
  const bottom = personas.at(-1);
  if (top && bottom && top !== bottom && top.qualifiedRate - bottom.qualifiedRate >= 0.05) {
    out.push({
      kind: 'persona',
      title: 'Shift A/B weight towards the stronger persona',
      detail: `Persona ${top.personaId} qualified ${pct(top.qualifiedRate)} of conversations, persona ${bottom.personaId} ${pct(bottom.qualifiedRate)}.`,
      evidence: { strongerPersonaId: top.personaId!, strongerRate: round(top.qualifiedRate), strongerConversations: top.analysed, weakerPersonaId: bottom.personaId!, weakerRate: round(bottom.qualifiedRate), weakerConversations: bottom.analysed },
    });
  }
  const objection = conv.objections[0];
  if (objection && conv.analysedCalls >= MIN_SAMPLE && objection.share >= 0.15) {
    out.push({
      kind: 'objection',
      title: `Answer the "${objection.category.replace(/_/g, ' ')}" objection in the script`,
      detail: `${pct(objection.share)} of conversations raised it${objection.examples[0] ? `, e.g. "${objection.examples[0]}"` : ''}. Add a prepared answer to the personas' scripts.`,
      evidence: { category: objection.category, count: objection.count, share: round(objection.share), conversations: conv.analysedCalls },
    });
  }
  const timeline = conv.qualifiedCommon.timelines[0];
  if (timeline && conv.qualifiedCalls >= MIN_SAMPLE && timeline.count / conv.qualifiedCalls >= 0.4) {
    out.push({
      kind: 'timeline',
      title: `Ask about the purchase timeline early: most qualified buyers say "${timeline.value.replace('_', ' ')}"`,
      detail: `${timeline.count} of ${conv.qualifiedCalls} qualified calls had that timeline; asking it early separates them from browsers.`,
      evidence: { timeline: timeline.value, count: timeline.count, qualifiedCalls: conv.qualifiedCalls },
    });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
