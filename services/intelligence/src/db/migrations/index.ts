import { CreateIntelSchema1763784000000 } from './1763784000000-create-intel-schema';

export const INTEL_MIGRATIONS = [CreateIntelSchema1763784000000];
