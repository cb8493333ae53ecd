import { CreateIntelSchema1763784000000 } from './1763784000000-create-intel-schema';
import { InsightRollups1763798400000 } from './1763798400000-insight-rollups';

export const INTEL_MIGRATIONS = [CreateIntelSchema1763784000000, InsightRollups1763798400000];
