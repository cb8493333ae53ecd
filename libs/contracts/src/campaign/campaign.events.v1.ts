import { z } from 'zod';
import { defineEvent } from '../envelope';
import { actorSchema } from '../rpc';
import { campaignSchema } from './campaign.model';
import { personaSchema } from './persona.model';
import { propertySchema } from './property.model';

/**
 * Campaign lifecycle. `started` and `resumed` carry everything the dialer needs
 * to call (policy, personas with A/B weights, properties in order), so the dialer
 * keeps no copy of campaign data of its own.
 */
const runnable = z.object({
  campaign: campaignSchema,
  personas: z.array(personaSchema),
  properties: z.array(propertySchema),
  actor: actorSchema,
});
const halted = z.object({ campaignId: z.uuid(), status: z.string(), reason: z.string().nullable(), actor: actorSchema });

export const campaignCreatedV1 = defineEvent({ type: 'campaign.created', version: 1, stream: 'CAMPAIGNS', subject: 'campaigns.created.v1', data: z.object({ campaign: campaignSchema, actor: actorSchema }) });
export const campaignUpdatedV1 = defineEvent({
  type: 'campaign.updated',
  version: 1,
  stream: 'CAMPAIGNS',
  subject: 'campaigns.updated.v1',
  data: z.object({ campaign: campaignSchema, changedFields: z.array(z.string()), actor: actorSchema }),
});
export const campaignStartedV1 = defineEvent({ type: 'campaign.started', version: 1, stream: 'CAMPAIGNS', subject: 'campaigns.started.v1', data: runnable });
export const campaignResumedV1 = defineEvent({ type: 'campaign.resumed', version: 1, stream: 'CAMPAIGNS', subject: 'campaigns.resumed.v1', data: runnable });
export const campaignPausedV1 = defineEvent({ type: 'campaign.paused', version: 1, stream: 'CAMPAIGNS', subject: 'campaigns.paused.v1', data: halted });
export const campaignStoppedV1 = defineEvent({ type: 'campaign.stopped', version: 1, stream: 'CAMPAIGNS', subject: 'campaigns.stopped.v1', data: halted });
export const campaignArchivedV1 = defineEvent({ type: 'campaign.archived', version: 1, stream: 'CAMPAIGNS', subject: 'campaigns.archived.v1', data: halted });

/** Leads joined a campaign; large assignments arrive as several events of up to 1,000 ids. */
export const campaignLeadsAssignedV1 = defineEvent({
  type: 'campaign.leads_assigned',
  version: 1,
  stream: 'CAMPAIGNS',
  subject: 'campaigns.leads_assigned.v1',
  data: z.object({ campaignId: z.uuid(), leadIds: z.array(z.uuid()).min(1).max(1000), campaignStatus: z.string() }),
});
