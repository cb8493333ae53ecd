import type { CallAnalysis, ImportCounts, NotificationPriority, NotificationType } from '@soraaya/contracts';

/** What happened, reduced to what the rules need. */
export type Trigger =
  | { kind: 'call_analyzed'; leadId: string; campaignId: string | null; analysis: Pick<CallAnalysis, 'outcome' | 'humanNeeded' | 'callbackAt' | 'score' | 'summary'> }
  | { kind: 'call_failed'; leadId: string; campaignId: string | null; consecutiveFailures: number; endedReason: string | null }
  | { kind: 'circuit_opened'; provider: string; campaignId: string; errorRate: number; lastError: string }
  | { kind: 'import_completed'; importId: string; fileName: string; status: 'completed' | 'failed'; counts: ImportCounts; error: string | null }
  | { kind: 'callback_due'; leadId: string; campaignId: string | null; callbackAt: string };

/** A notification to raise. One situation has one `dedupKey`: while it is open, the same key raises nothing new. */
export interface Raise {
  rule: string;
  type: NotificationType;
  priority: NotificationPriority;
  title: string;
  message: string;
  requiredAction: string;
  dedupKey: string;
  leadId: string | null;
  campaignId: string | null;
}

export interface RuleSettings {
  /** Share of rejected rows from which an import needs a person's look. */
  importRejectedShare: number;
  /** Consecutive failed calls to one lead that make a technical issue. */
  callFailuresInARow: number;
}

const HOUR = 3_600_000;
const HUMAN_TYPE: Record<NonNullable<CallAnalysis['humanNeeded']>, { type: NotificationType; why: string; action: string }> = {
  asked_for_human: { type: 'human_intervention', why: 'asked to speak with a person', action: 'Call the lead back yourself' },
  site_visit_family: { type: 'human_intervention', why: 'wants a site visit with family', action: 'Arrange the site visit' },
  legal_question: { type: 'human_intervention', why: 'asked a legal question the AI must not answer', action: 'Answer the legal question (RERA, title, stamp duty)' },
  complaint: { type: 'escalated_call', why: 'complained during the call', action: 'Call the lead and address the complaint' },
  price_negotiation: { type: 'human_intervention', why: 'wants to negotiate the price', action: 'Have someone who can agree a price call the lead' },
  emergency: { type: 'escalated_call', why: 'has an emergency on their side', action: 'Pause calls to this lead and check in with care later' },
};

/**
 * The rules, one row each: which trigger raises which notification at which
 * priority. Each returns null when it does not apply.
 */
export const RULES: { name: string; raise(t: Trigger, now: Date, s: RuleSettings): Raise | null }[] = [
  {
    name: 'qualified lead',
    raise: (t) =>
      t.kind === 'call_analyzed' && t.analysis.outcome === 'qualified'
        ? {
            rule: 'qualified lead',
            type: 'qualified_lead_ready',
            priority: t.analysis.score >= 80 ? 'high' : 'medium',
            title: `Qualified lead ready (score ${t.analysis.score})`,
            message: t.analysis.summary || 'The AI call qualified this lead against the campaign criteria.',
            requiredAction: 'Contact the lead and propose a site visit',
            dedupKey: `qualified:${t.leadId}`,
            leadId: t.leadId,
            campaignId: t.campaignId,
          }
        : null,
  },
  {
    name: 'lead needs a person',
    raise: (t) => {
      if (t.kind !== 'call_analyzed' || !t.analysis.humanNeeded) return null;
      const h = HUMAN_TYPE[t.analysis.humanNeeded];
      return { rule: 'lead needs a person', type: h.type, priority: 'high', title: `Lead ${h.why}`, message: t.analysis.summary || `During the call the lead ${h.why}.`, requiredAction: h.action, dedupKey: `human:${t.leadId}`, leadId: t.leadId, campaignId: t.campaignId };
    },
  },
  {
    name: 'callback within the hour',
    raise: (t, now) => {
      const at = t.kind === 'callback_due' ? t.callbackAt : t.kind === 'call_analyzed' && t.analysis.outcome === 'callback_requested' ? t.analysis.callbackAt : null;
      if (!at || t.kind === 'circuit_opened' || t.kind === 'import_completed') return null;
      const due = Date.parse(at) - now.getTime();
      if (due > HOUR || due < -HOUR) return null; // later ones are scheduled; long past ones are the dialer's
      return { rule: 'callback within the hour', type: 'urgent_callback', priority: 'high', title: 'Callback due within the hour', message: `The lead asked to be called back at ${at}.`, requiredAction: 'Make sure someone takes or monitors the callback', dedupKey: `callback:${t.leadId}:${at}`, leadId: t.leadId, campaignId: t.campaignId };
    },
  },
  {
    name: 'repeated call failures',
    raise: (t, _now, s) =>
      t.kind === 'call_failed' && t.consecutiveFailures >= s.callFailuresInARow
        ? {
            rule: 'repeated call failures',
            type: 'technical_issue',
            priority: 'medium',
            title: `${t.consecutiveFailures} calls in a row failed`,
            message: `Calls to this lead keep failing${t.endedReason ? ` (last: ${t.endedReason})` : ''}. Check the number and the provider.`,
            requiredAction: 'Check the phone number and the provider status',
            dedupKey: `call-failures:${t.leadId}`,
            leadId: t.leadId,
            campaignId: t.campaignId,
          }
        : null,
  },
  {
    name: 'provider circuit opened',
    raise: (t) =>
      t.kind === 'circuit_opened'
        ? {
            rule: 'provider circuit opened',
            type: 'system_alert',
            priority: 'high',
            title: `Calling paused: ${t.provider} is failing`,
            message: `${Math.round(t.errorRate * 100)}% of recent calls failed (${t.lastError}). The campaign was paused and resumes itself once a probe call succeeds.`,
            requiredAction: 'Check the provider account and status page',
            dedupKey: `circuit:${t.provider}:${t.campaignId}`,
            leadId: null,
            campaignId: t.campaignId,
          }
        : null,
  },
  {
    name: 'import with many rejected rows',
    raise: (t, _now, s) => {
      if (t.kind !== 'import_completed') return null;
      const share = t.counts.rowsRead ? t.counts.rejected / t.counts.rowsRead : 0;
      if (t.status !== 'failed' && share < s.importRejectedShare) return null;
      const what = t.status === 'failed' ? `failed: ${t.error ?? 'unknown error'}` : `rejected ${t.counts.rejected} of ${t.counts.rowsRead} rows (${Math.round(share * 100)}%)`;
      return { rule: 'import with many rejected rows', type: 'data_validation', priority: t.status === 'failed' ? 'high' : 'medium', title: `Import "${t.fileName}" ${t.status === 'failed' ? 'failed' : 'needs review'}`, message: `The import ${what}.`, requiredAction: 'Review the rejected rows and re-import the fixed file', dedupKey: `import:${t.importId}`, leadId: null, campaignId: null };
    },
  },
];

export function notificationsFor(trigger: Trigger, now: Date, settings: RuleSettings): Raise[] {
  return RULES.map((r) => r.raise(trigger, now, settings)).filter((r): r is Raise => r !== null);
}

/** When a callback later than an hour away should be raised: an hour before it. */
export function callbackReminderAt(callbackAt: string): Date {
  return new Date(Date.parse(callbackAt) - HOUR);
}
