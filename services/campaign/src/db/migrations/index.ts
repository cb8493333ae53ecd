import { CreateCampaignSchema1763769600000 } from './1763769600000-create-campaign-schema';

export const CAMPAIGN_MIGRATIONS = [CreateCampaignSchema1763769600000];
