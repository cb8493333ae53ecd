import type { TranscriptTurn } from '@soraaya/contracts';
import type { HumanNeed } from './human-need';
import type { Outcome } from './qualify';
import { sentences } from './transcript-view';

export interface ActionFacts {
  outcome: Outcome;
  callbackAt: string | null;
  humanNeeded: HumanNeed | null;
}

const HUMAN_ACTIONS: Record<HumanNeed, string> = {
  asked_for_human: 'Have a sales person call the lead (asked for a human)',
  complaint: 'Escalate the complaint to a senior manager and call the lead',
  site_visit_family: 'Arrange a site visit for the family',
  legal_question: 'Have the legal team answer the lead’s legal/title questions',
  price_negotiation: 'Have a sales manager who can agree a price call the lead',
  emergency: 'Pause calls: the lead has an emergency; check in with care later',
};
/** What the assistant promised to do ("I'll send you…", "main bhej deta hoon"). */
const PROMISE =
  /\b(?:i'll|i will|we'll|we will|let me)\s+(?:send|share|email|whatsapp|line up|arrange|have|ask|pass|flag|update|remove|make sure|call)\b|\b(?:bhej (?:deta|deti|dunga|dungi)|kar (?:deta|deti) hoon|hata deta)\b/i;

/** Follow-up work for the team: the callback, the human hand-off, and what the agent promised. */
export function extractActionItems(turns: readonly TranscriptTurn[], f: ActionFacts): string[] {
  const items: string[] = [];
  if (f.callbackAt) items.push(`Call the lead back at ${f.callbackAt}`);
  if (f.humanNeeded) items.push(HUMAN_ACTIONS[f.humanNeeded]);
  if (f.outcome === 'not_interested') items.push('Stop calling; mark the lead not interested');
  for (const t of turns) {
    if (t.role !== 'assistant') continue;
    for (const s of sentences(t.text)) {
      if (PROMISE.test(s) && items.length < 20) items.push(s.length > 300 ? `${s.slice(0, 299)}…` : s);
    }
  }
  return [...new Set(items)].slice(0, 20);
}
