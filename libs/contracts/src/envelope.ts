import { z } from 'zod';
import type { StreamName } from './streams';

/** Header carrying the correlation id of the request or event chain a message belongs to. */
export const CORRELATION_HEADER = 'Soraaya-Correlation-Id';

const uuid = z.uuid();

/**
 * Every event travels in this envelope. `id` is a uuid v7 (time ordered) and is
 * also the JetStream `Nats-Msg-Id`, so the server drops duplicate publishes.
 */
export const envelopeBase = z.object({
  id: uuid,
  type: z.string().min(1),
  version: z.number().int().positive(),
  tenantId: uuid,
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1).max(200),
  causationId: z.string().min(1).max(200).nullable(),
});

export interface EventDefinition<TType extends string, TData extends z.ZodType> {
  /** e.g. `lead.status_changed` */
  readonly type: TType;
  readonly version: number;
  readonly stream: StreamName;
  /** e.g. `leads.status_changed.v1` */
  readonly subject: string;
  readonly data: TData;
  readonly envelope: z.ZodType<EventEnvelope<TType, z.infer<TData>>>;
}

export interface EventEnvelope<TType extends string = string, TData = unknown> {
  id: string;
  type: TType;
  version: number;
  tenantId: string;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  data: TData;
}

export function defineEvent<TType extends string, TData extends z.ZodType>(def: {
  type: TType;
  version: number;
  stream: StreamName;
  subject: string;
  data: TData;
}): EventDefinition<TType, TData> {
  const envelope = envelopeBase.extend({
    type: z.literal(def.type),
    version: z.literal(def.version),
    data: def.data,
  }) as unknown as z.ZodType<EventEnvelope<TType, z.infer<TData>>>;
  return { ...def, envelope };
}

export type EventOf<D> = D extends EventDefinition<infer T, infer S> ? EventEnvelope<T, z.infer<S>> : never;
export type EventData<D> = D extends EventDefinition<string, infer S> ? z.infer<S> : never;
