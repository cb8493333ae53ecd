import type { EventDefinition, EventEnvelope } from '@soraaya/contracts';
import { buildEnvelope, uuid7 } from '@soraaya/service-kit';
import type { z } from 'zod';
import type { TestPlatform } from './platform';

/** An event as its producing service would publish it (valid envelope), for tests that play that service. */
export function eventOf<D extends EventDefinition<string, z.ZodType>>(def: D, tenantId: string, data: z.input<D['data']>): EventEnvelope<string, z.infer<D['data']>> {
  return buildEnvelope(def, { tenantId, correlationId: `test-${uuid7()}` }, data) as EventEnvelope<string, z.infer<D['data']>>;
}

/** Publishes an envelope on its subject. A fresh msgID each time: JetStream keeps repeats, as a redelivery or replay would. */
export async function publishEvent(p: TestPlatform, def: EventDefinition<string, z.ZodType>, envelope: unknown, msgID = uuid7()): Promise<void> {
  await p.nc.jetstream().publish(p.topology.subject(def.subject), JSON.stringify(envelope), { msgID });
}
