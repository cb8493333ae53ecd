import type { Campaign, Persona } from '@soraaya/contracts';
import { chooseInboundAssistant } from '../../src/domain/inbound-assistant';

const persona = (id: string, name: string, active = true) => ({ id, name, active }) as Persona;
const campaign = (id: string, status: Campaign['status'], personas: [string, number][], updatedAt = '2026-11-01T00:00:00Z') =>
  ({ id, status, personas: personas.map(([personaId, weight]) => ({ personaId, weight })), updatedAt }) as Campaign;

const asha = persona('p-asha', 'Asha');
const ravi = persona('p-ravi', 'Ravi');
const off = persona('p-off', 'Aaron', false);

describe('who answers an inbound call', () => {
  it.each([
    ['the caller’s own campaign, its heaviest variant', { leadCampaign: campaign('c-lead', 'active', [['p-asha', 30], ['p-ravi', 70]]) }, 'c-lead', 'p-ravi'],
    ['a paused campaign still speaks to its leads', { leadCampaign: campaign('c-lead', 'paused', [['p-asha', 1]]) }, 'c-lead', 'p-asha'],
    ['a completed campaign does not: the line’s campaign', { leadCampaign: campaign('c-done', 'completed', [['p-asha', 1]]), lineCampaign: campaign('c-line', 'active', [['p-ravi', 1]]) }, 'c-line', 'p-ravi'],
    ['no campaign of theirs: the latest active one', { activeCampaigns: [campaign('c-old', 'active', [['p-asha', 1]], '2026-10-01T00:00:00Z'), campaign('c-new', 'active', [['p-ravi', 1]], '2026-11-20T00:00:00Z')] }, 'c-new', 'p-ravi'],
    ['the campaign’s only persona is inactive: the first active persona by name', { leadCampaign: campaign('c-lead', 'active', [['p-off', 100]]) }, 'c-lead', 'p-asha'],
    ['no campaign at all: still a configured voice', {}, null, 'p-asha'],
  ])('%s', (_name, input, campaignId, personaId) => {
    const choice = chooseInboundAssistant({ leadCampaign: null, lineCampaign: null, activeCampaigns: [], personas: [off, ravi, asha], ...input });
    expect(choice.campaign?.id ?? null).toBe(campaignId);
    expect(choice.persona?.id).toBe(personaId);
  });

  it('has no one to answer when no persona is active', () => {
    expect(chooseInboundAssistant({ leadCampaign: null, lineCampaign: null, activeCampaigns: [], personas: [off] }).persona).toBeNull();
  });
});
