import { CreateLeadSchema1763769600000 } from './1763769600000-create-lead-schema';
import { SearchUnderRls1763856000000 } from './1763856000000-search-under-rls';
import { LeadAssignee1763942400000 } from './1763942400000-lead-assignee';
import { SortIndexes1764028800000 } from './1764028800000-sort-indexes';
import { LeadFlows1764115200000 } from './1764115200000-lead-flows';

/** In order. New migrations are appended, never edited once released. */
export const LEAD_MIGRATIONS = [CreateLeadSchema1763769600000, SearchUnderRls1763856000000, LeadAssignee1763942400000, SortIndexes1764028800000, LeadFlows1764115200000];
