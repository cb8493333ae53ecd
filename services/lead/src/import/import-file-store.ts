import { OBJECT_BUCKETS } from '@soraaya/contracts';
import { ObjectFiles, type Topology } from '@soraaya/service-kit';
import type { JetStreamClient } from 'nats';

/** Uploaded lead CSVs: the `lead_imports` bucket, kept a week for re-reads and audits. */
export class ImportFileStore extends ObjectFiles {
  constructor(js: JetStreamClient, topology: Topology, replicas = 1) {
    super(js, topology, OBJECT_BUCKETS.LEAD_IMPORTS, { replicas, ttlDays: 7, description: 'Uploaded lead CSV files, kept a week for re-reads and audits' });
  }
}
