import type { EventDefinition, EventEnvelope } from '@soraaya/contracts';
import { PoisonMessageError, type ConsumedMessage } from './consumer-runner';
import type { z } from 'zod';

/** A message as the event it claims to be, or a poison message (dead-lettered at once). */
export function parseEvent<D extends EventDefinition<string, z.ZodType>>(def: D, msg: ConsumedMessage): EventEnvelope<string, z.infer<D['data']>> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(msg.data));
  } catch {
    throw new PoisonMessageError('not JSON');
  }
  const parsed = def.envelope.safeParse(json);
  if (!parsed.success) throw new PoisonMessageError(`not a valid ${def.type} v${def.version}: ${parsed.error.issues[0]?.message}`);
  return parsed.data as EventEnvelope<string, z.infer<D['data']>>;
}
