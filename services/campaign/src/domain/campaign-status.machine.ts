import type { CampaignStatus } from '@soraaya/contracts';

/** Lifecycle actions and the moves they make; anything not listed is refused. */
export const CAMPAIGN_TRANSITIONS = {
  start: { from: ['draft'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  stop: { from: ['active', 'paused'], to: 'completed' },
  archive: { from: ['draft', 'completed', 'paused'], to: 'archived' },
} as const satisfies Record<string, { from: readonly CampaignStatus[]; to: CampaignStatus }>;

export type CampaignAction = keyof typeof CAMPAIGN_TRANSITIONS;

export function campaignTransition(action: CampaignAction, from: CampaignStatus): { ok: true; to: CampaignStatus } | { ok: false; reason: string } {
  const rule = CAMPAIGN_TRANSITIONS[action];
  if ((rule.from as readonly CampaignStatus[]).includes(from)) return { ok: true, to: rule.to };
  return { ok: false, reason: `Cannot ${action} a ${from} campaign; ${action} applies to ${rule.from.join(' or ')} campaigns` };
}

/** Only drafts and paused campaigns may be edited: a running one is changed by pausing it first. */
export function isEditable(status: CampaignStatus): boolean {
  return status === 'draft' || status === 'paused';
}

export interface StartCheck {
  leadCount: number;
  activePersonaIds: string[];
  variantPersonaIds: string[];
  endDate: string | null;
  today: string;
}

/** Reasons a campaign cannot start (empty when it can). */
export function startBlockers(c: StartCheck): string[] {
  const reasons: string[] = [];
  if (c.leadCount === 0) reasons.push('it has no leads: assign leads first');
  if (!c.variantPersonaIds.some((id) => c.activePersonaIds.includes(id))) reasons.push('it has no active agent persona');
  if (c.endDate && c.endDate < c.today) reasons.push(`its end date ${c.endDate} is in the past`);
  return reasons;
}
