import type { Campaign, Persona } from '@soraaya/contracts';

/** Campaigns that may still speak to people: a finished or archived one has nothing to offer a caller. */
const SPEAKING = new Set<Campaign['status']>(['active', 'paused', 'draft']);

export interface InboundChoice {
  campaign: Campaign | null;
  persona: Persona | null;
}

/**
 * Who answers someone ringing in. The campaign: the caller's own (they are
 * calling back about it), else the one the dialled line belongs to, else the
 * tenant's most recently updated active campaign. The persona: that campaign's
 * active variant with the largest A/B weight, else the tenant's first active
 * persona by name, so a caller always hears a configured voice or, with no
 * persona at all, a polite refusal.
 */
export function chooseInboundAssistant(input: {
  leadCampaign: Campaign | null;
  lineCampaign: Campaign | null;
  activeCampaigns: Campaign[];
  personas: Persona[];
}): InboundChoice {
  const speaking = (c: Campaign | null) => (c && SPEAKING.has(c.status) ? c : null);
  const latestActive = [...input.activeCampaigns].filter((c) => c.status === 'active').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
  const campaign = speaking(input.leadCampaign) ?? speaking(input.lineCampaign) ?? latestActive;
  const active = new Map(input.personas.filter((p) => p.active).map((p) => [p.id, p]));
  const fromCampaign = campaign
    ? [...campaign.personas].sort((a, b) => b.weight - a.weight).map((v) => active.get(v.personaId)).find((p) => p !== undefined)
    : undefined;
  const fallback = [...active.values()].sort((a, b) => a.name.localeCompare(b.name))[0];
  return { campaign, persona: fromCampaign ?? fallback ?? null };
}
