import type { EventDefinition, EventEnvelope } from '@soraaya/contracts';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { uuid7 } from '../ids/uuid7';
import { traceHeaders } from '../tracing/tracing';
import { sqlIdentifier } from './sql-identifier';

export interface EventOrigin {
  tenantId: string;
  correlationId: string;
  causationId?: string | null;
}

/** Builds and validates an envelope: an event that breaks its contract fails the write, not a consumer later. */
export function buildEnvelope<TType extends string, TData extends z.ZodType>(
  def: EventDefinition<TType, TData>,
  origin: EventOrigin,
  data: z.input<TData>,
  occurredAt: Date = new Date(),
): EventEnvelope<TType, z.infer<TData>> {
  const candidate = {
    id: uuid7(occurredAt.getTime()),
    type: def.type,
    version: def.version,
    tenantId: origin.tenantId,
    occurredAt: occurredAt.toISOString(),
    correlationId: origin.correlationId,
    causationId: origin.causationId ?? null,
    data,
  };
  return def.envelope.parse(candidate);
}

export interface OutboxItem {
  subject: string;
  envelope: EventEnvelope;
}

/**
 * Key of the stored envelope (jsonb) under which the trace context of the write
 * is kept. The relay strips it (`envelope - '_trace'`) and publishes it as the
 * message's `traceparent` header, so the published event continues the trace of
 * the request or message that caused it, though it leaves later from another
 * loop. Kept inside the envelope column so no table needs a new column.
 */
export const OUTBOX_TRACE_KEY = '_trace';

/**
 * Writes events to the service's outbox inside the caller's transaction, so the
 * state change and the events commit together or not at all. The relay publishes them.
 */
export async function enqueueEvents(tx: EntityManager, schema: string, items: OutboxItem[]): Promise<void> {
  if (items.length === 0) return;
  const s = sqlIdentifier(schema);
  const trace = traceHeaders();
  const stored = (e: EventEnvelope) => JSON.stringify(Object.keys(trace).length ? { ...e, [OUTBOX_TRACE_KEY]: trace } : e);
  await tx.query(
    `insert into ${s}.outbox (id, subject, tenant_id, envelope)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::jsonb[])`,
    [
      items.map((i) => i.envelope.id),
      items.map((i) => i.subject),
      items.map((i) => i.envelope.tenantId),
      items.map((i) => stored(i.envelope)),
    ],
  );
}

/** Convenience for the common single event. */
export async function enqueueEvent<TType extends string, TData extends z.ZodType>(
  tx: EntityManager,
  schema: string,
  def: EventDefinition<TType, TData>,
  origin: EventOrigin,
  data: z.input<TData>,
): Promise<EventEnvelope<TType, z.infer<TData>>> {
  const envelope = buildEnvelope(def, origin, data);
  await enqueueEvents(tx, schema, [{ subject: def.subject, envelope }]);
  return envelope;
}

/** Migration SQL for the outbox and inbox tables of one service schema. */
export function outboxInboxSql(schema: string): { up: string[]; down: string[] } {
  const s = sqlIdentifier(schema);
  return {
    up: [
      `create table ${s}.outbox (
         seq bigserial primary key,
         id uuid not null unique,
         subject text not null,
         tenant_id uuid not null,
         envelope jsonb not null,
         created_at timestamptz not null default now()
       )`,
      `create function ${s}.outbox_notify() returns trigger language plpgsql as $$
       begin perform pg_notify('${s}_outbox', ''); return null; end $$`,
      `create trigger outbox_notify after insert on ${s}.outbox
       for each statement execute function ${s}.outbox_notify()`,
      `create table ${s}.inbox (
         consumer text not null,
         event_id uuid not null,
         processed_at timestamptz not null default now(),
         primary key (consumer, event_id)
       )`,
      `create index inbox_processed_at on ${s}.inbox (processed_at)`,
    ],
    down: [`drop table ${s}.inbox`, `drop table ${s}.outbox`, `drop function ${s}.outbox_notify()`],
  };
}

/** The NOTIFY channel the relay listens on. */
export function outboxChannel(schema: string): string {
  return `${sqlIdentifier(schema)}_outbox`;
}
