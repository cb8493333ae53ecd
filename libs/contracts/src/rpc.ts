import { z } from 'zod';

/**
 * Request/reply contract between the gateway (or another caller) and a service,
 * carried over the NATS services API on `svc.<service>.<verb>.v<version>`.
 */
export const actorSchema = z.object({
  type: z.enum(['user', 'service', 'system']),
  id: z.string().min(1).max(200),
  role: z.enum(['admin', 'manager', 'agent']).optional(),
  name: z.string().max(200).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const requestMetaSchema = z.object({
  tenantId: z.uuid(),
  actor: actorSchema,
  correlationId: z.string().min(1).max(200),
  /** ISO 3166 alpha-2 region used to read phone numbers written without a country code. */
  region: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as IN')
    .optional(),
});
export type RequestMeta = z.infer<typeof requestMetaSchema>;

export const ERROR_CODES = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export const errorBodySchema = z.object({
  code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
  status: z.number().int(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export interface EndpointDefinition<TReq extends z.ZodType, TRes extends z.ZodType> {
  readonly service: string;
  readonly verb: string;
  readonly version: number;
  /** Subject without the deployment prefix, e.g. `svc.lead.list.v1`. */
  readonly subject: string;
  readonly request: TReq;
  readonly response: TRes;
}

export function defineEndpoint<TReq extends z.ZodType, TRes extends z.ZodType>(def: {
  service: string;
  verb: string;
  version: number;
  request: TReq;
  response: TRes;
}): EndpointDefinition<TReq, TRes> {
  return { ...def, subject: `svc.${def.service}.${def.verb}.v${def.version}` };
}

export type RequestOf<E> = E extends EndpointDefinition<infer R, z.ZodType> ? z.input<R> : never;
export type ParsedRequestOf<E> = E extends EndpointDefinition<infer R, z.ZodType> ? z.output<R> : never;
export type ResponseOf<E> = E extends EndpointDefinition<z.ZodType, infer S> ? z.infer<S> : never;

/** What goes on the wire for a request. */
export function requestEnvelopeSchema<T extends z.ZodType>(data: T) {
  return z.object({ meta: requestMetaSchema, data });
}

/** What comes back. */
export function replyEnvelopeSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: errorBodySchema }),
  ]);
}
