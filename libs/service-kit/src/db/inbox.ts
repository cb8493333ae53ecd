import type { EntityManager } from 'typeorm';
import { sqlIdentifier } from './sql-identifier';

/**
 * Records that `consumer` has handled `eventId`, inside the transaction that
 * applies the event's effect. Returns false when it was handled before: the
 * caller then skips the effect, which makes redelivery harmless.
 */
export async function claimInbox(tx: EntityManager, schema: string, consumer: string, eventId: string): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    `insert into ${sqlIdentifier(schema)}.inbox (consumer, event_id) values ($1, $2)
     on conflict do nothing returning event_id`,
    [consumer, eventId],
  );
  return rows.length === 1;
}
