import {
  assignCampaignLeadsV1,
  callingPolicySchema,
  campaignActionV1,
  createCampaignV1,
  createLeadV1,
  createPersonaV1,
  createPropertyV1,
  listCampaignsV1,
  listPersonasV1,
  listPropertiesV1,
  type RequestMeta,
} from '@soraaya/contracts';
import { AppError, type RpcClient } from '@soraaya/service-kit';
import { DEMO_PERSONAS, DEMO_PROPERTIES } from './demo-campaign';
import { DEMO_LEADS } from './demo-leads';
import { DEMO_TENANT_ID } from './platform-services';

/**
 * Seeds the demo tenant through the services' own endpoints, so the data obeys
 * every rule a user's would. Safe to run again: leads already there are skipped.
 */
export async function seedDemo(rpc: RpcClient): Promise<{ created: number; existing: number; campaign: string }> {
  const meta: RequestMeta = { tenantId: DEMO_TENANT_ID, actor: { type: 'system', id: 'demo-seed', name: 'Demo seed' }, correlationId: 'demo-seed', region: 'IN' };
  let created = 0;
  let existing = 0;
  for (const lead of DEMO_LEADS) {
    try {
      await rpc.request(createLeadV1, meta, lead);
      created++;
    } catch (err) {
      if (err instanceof AppError && err.status === 409) existing++;
      else throw err;
    }
  }
  return { created, existing, campaign: await seedCampaign(rpc, meta) };
}

/** Six personas, ten properties, and one active campaign over the Mumbai leads. */
async function seedCampaign(rpc: RpcClient, meta: RequestMeta): Promise<string> {
  const ignoreExisting = (err: unknown) => {
    if (!(err instanceof AppError && err.status === 409)) throw err;
  };
  for (const p of DEMO_PERSONAS) await rpc.request(createPersonaV1, meta, p).catch(ignoreExisting);
  for (const p of DEMO_PROPERTIES) await rpc.request(createPropertyV1, meta, p).catch(ignoreExisting);
  const name = 'Mumbai Luxury Q4';
  let campaign = (await rpc.request(listCampaignsV1, meta, { search: name })).items.find((c) => c.name === name);
  if (!campaign) {
    const personas = (await rpc.request(listPersonasV1, meta, {})).items;
    const properties = (await rpc.request(listPropertiesV1, meta, {})).items;
    const byName = (n: string) => personas.find((p) => p.name === n)!.id;
    campaign = await rpc.request(createCampaignV1, meta, {
      name,
      description: 'Qualify Mumbai buyers for sea-facing and south Mumbai inventory before the year-end launches.',
      endDate: `${new Date().getFullYear() + 1}-03-31`,
      type: 'outbound',
      priority: 'high',
      // A/B: the consultative Mumbai persona against the formal Delhi one.
      personas: [
        { personaId: byName('Aanya (Mumbai)'), weight: 70 },
        { personaId: byName('Kabir (Delhi NCR)'), weight: 30 },
      ],
      propertyIds: properties.filter((p) => p.location.endsWith('Mumbai')).slice(0, 6).map((p) => p.id),
      qualificationCriteria: { budgetMinInr: 50_000_000, purchaseTimelines: ['immediate', '3_months', '6_months'], propertyTypes: ['apartment', 'penthouse', 'villa'], locations: ['Mumbai'] },
      // Every day, so a demo started on a Sunday shows calls too (the product's default leaves Sunday out);
      // the hours stay inside the legal window on each lead's clock.
      callingPolicy: callingPolicySchema.parse({ days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] }),
    });
    await rpc.request(assignCampaignLeadsV1, meta, { id: campaign.id, filters: { search: 'mumbai', statuses: ['to_call', 'follow_up', 'callback_requested'] } }, { timeoutMs: 60_000 });
    campaign = await rpc.request(campaignActionV1, meta, { id: campaign.id, action: 'start' });
  }
  return `${campaign.name} (${campaign.status}, ${campaign.leadCount} leads)`;
}
