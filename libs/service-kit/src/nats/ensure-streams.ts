import { STREAMS, type StreamName } from '@soraaya/contracts';
import { DiscardPolicy, RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from 'nats';
import type { Topology } from './topology';

export interface StreamSettings {
  replicas: number;
  maxAgeHours: number;
  /** How long JetStream remembers message ids to drop duplicate publishes. */
  duplicateWindowSeconds?: number;
}

const NANOS_PER_SECOND = 1_000_000_000;

/**
 * Creates the contract streams, or brings an existing one's settings in line.
 * Safe to run from every service at every start.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  topology: Topology,
  names: readonly StreamName[],
  settings: StreamSettings,
): Promise<void> {
  for (const name of names) {
    const desired: Partial<StreamConfig> = {
      name: topology.stream(name),
      subjects: topology.streamSubjects(name),
      description: STREAMS[name].description,
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      num_replicas: settings.replicas,
      max_age: settings.maxAgeHours * 3600 * NANOS_PER_SECOND,
      duplicate_window: (settings.duplicateWindowSeconds ?? 120) * NANOS_PER_SECOND,
    };
    const existing = await jsm.streams.info(desired.name!).catch((err: unknown) => {
      if (isNotFound(err)) return null;
      throw err;
    });
    if (!existing) {
      await jsm.streams.add(desired).catch(async (err: unknown) => {
        // Another service created it between our info and add: that is the goal reached.
        if (!/already in use|already exists/i.test(String(err))) throw err;
      });
      continue;
    }
    const c = existing.config;
    const drift =
      JSON.stringify(c.subjects) !== JSON.stringify(desired.subjects) ||
      c.max_age !== desired.max_age ||
      c.duplicate_window !== desired.duplicate_window ||
      c.num_replicas !== desired.num_replicas;
    if (drift) await jsm.streams.update(desired.name!, { ...c, ...desired });
  }
}

export function isNotFound(err: unknown): boolean {
  const e = err as { code?: string; api_error?: { err_code?: number } };
  return e?.code === '404' || e?.api_error?.err_code === 10059 || e?.api_error?.err_code === 10014 || /not found/i.test(String(err));
}
