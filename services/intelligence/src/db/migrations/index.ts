import { CreateIntelSchema1763784000000 } from './1763784000000-create-intel-schema';
import { InsightRollups1763798400000 } from './1763798400000-insight-rollups';
import { TranscriptLeadSource1764201600000 } from './1764201600000-transcript-lead-source';

export const INTEL_MIGRATIONS = [CreateIntelSchema1763784000000, InsightRollups1763798400000, TranscriptLeadSource1764201600000];
