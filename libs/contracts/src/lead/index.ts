export * from './lead.model';
export * from './events/lead-import-counts';
export * from './events/lead-created.v1';
export * from './events/lead-updated.v1';
export * from './events/lead-status-changed.v1';
export * from './events/lead-deleted.v1';
export * from './events/lead-import-progress.v1';
export * from './events/lead-import-completed.v1';
export * from './events/lead-import-requested.v1';
export * from './events/lead-silent.v1';
export * from './events/lead-note-added.v1';
export * from './events/lead-dnc-changed.v1';
export * from './endpoints/lead-filters';
export * from './endpoints/lead-queries.v1';
export * from './endpoints/lead-commands.v1';
export * from './endpoints/dnc.v1';
export * from './endpoints/import-export.v1';
export * from './lead.stats.v1';

import { leadCreatedV1 } from './events/lead-created.v1';
import { leadDeletedV1 } from './events/lead-deleted.v1';
import { leadImportCompletedV1 } from './events/lead-import-completed.v1';
import { leadImportProgressV1 } from './events/lead-import-progress.v1';
import { leadImportRequestedV1 } from './events/lead-import-requested.v1';
import { leadSilentV1 } from './events/lead-silent.v1';
import { leadNoteAddedV1 } from './events/lead-note-added.v1';
import { leadDncChangedV1 } from './events/lead-dnc-changed.v1';
import { leadStatusChangedV1 } from './events/lead-status-changed.v1';
import { leadUpdatedV1 } from './events/lead-updated.v1';

/** Every lead event, for registries (live feed, docs, tests). */
export const LEAD_EVENTS = [
  leadCreatedV1,
  leadUpdatedV1,
  leadStatusChangedV1,
  leadDeletedV1,
  leadImportProgressV1,
  leadImportCompletedV1,
  leadImportRequestedV1,
  leadSilentV1,
  leadNoteAddedV1,
  leadDncChangedV1,
] as const;
