import {
  CORRELATION_HEADER,
  requestMetaSchema,
  type EndpointDefinition,
  type RequestMeta,
} from '@soraaya/contracts';
import type { NatsConnection, Service, ServiceMsg } from 'nats';
import type { z } from 'zod';
import { AppError, validationError } from '../errors';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/metrics';
import { SpanKind, contextFromHeaders, inSpan } from '../tracing/tracing';
import { buildHeaders } from './headers';
import type { Topology } from './topology';

export interface RequestContext {
  meta: RequestMeta;
  logger: Logger;
}

export interface EndpointRegistration<TReq extends z.ZodType = z.ZodType, TRes extends z.ZodType = z.ZodType> {
  definition: EndpointDefinition<TReq, TRes>;
  handle: (data: z.output<TReq>, ctx: RequestContext) => Promise<z.input<TRes>>;
}

/** Pairs a contract endpoint with its handler, keeping the handler's types tied to the contract. */
export function endpoint<TReq extends z.ZodType, TRes extends z.ZodType>(
  definition: EndpointDefinition<TReq, TRes>,
  handle: (data: z.output<TReq>, ctx: RequestContext) => Promise<z.input<TRes>>,
): EndpointRegistration {
  return { definition, handle } as unknown as EndpointRegistration;
}

const encoder = new TextEncoder();

export interface RpcServiceOptions {
  name: string;
  version: string;
  description: string;
  endpoints: EndpointRegistration[];
}

/**
 * Serves contract endpoints through the NATS services API (so each shows up in
 * `$SRV` stats and discovery). Requests are validated by the contract's zod
 * schema; every failure becomes a typed error reply, never a crash or a hang.
 */
export async function startRpcService(
  nc: NatsConnection,
  topology: Topology,
  logger: Logger,
  metrics: ServiceMetrics,
  options: RpcServiceOptions,
): Promise<Service> {
  const service = await nc.services.add({
    name: options.name,
    version: options.version,
    description: options.description,
    queue: topology.prefix ? `${topology.prefix}_${options.name}` : options.name,
  });
  for (const reg of options.endpoints) {
    const def = reg.definition;
    service.addEndpoint(`${def.verb}_v${def.version}`, {
      subject: topology.subject(def.subject),
      metadata: { contract: def.subject },
      handler: (err, msg) => {
        if (err) {
          logger.error({ err, endpoint: def.subject }, 'endpoint subscription failed');
          return;
        }
        const parent = contextFromHeaders((name) => msg.headers?.get(name) || undefined);
        void inSpan(
          def.subject,
          {
            kind: SpanKind.SERVER,
            parent,
            service: metrics.service,
            attributes: { 'rpc.system': 'nats', 'rpc.method': def.subject },
            // A refused request (404, 409, validation) is the endpoint doing its job.
            isFailure: (e) => !(e instanceof AppError) || e.status >= 500,
          },
          () => metrics.time('rpc', def.subject, () => serve(reg, msg, logger, () => nc.info?.max_payload ?? 1024 * 1024)),
        ).catch(() => undefined);
      },
    });
  }
  return service;
}

async function serve(reg: EndpointRegistration, msg: ServiceMsg, logger: Logger, maxPayload: () => number): Promise<void> {
  const def = reg.definition;
  let log = logger;
  try {
    const wire = safeJson(msg.data);
    if (!wire || typeof wire !== 'object' || Array.isArray(wire)) throw new AppError('bad_request', 'Request must be a JSON object with "meta" and "data"');
    const meta = requestMetaSchema.safeParse((wire as { meta?: unknown }).meta);
    if (!meta.success) throw validationError('request meta', meta.error);
    log = logger.child({ correlationId: meta.data.correlationId, tenantId: meta.data.tenantId, endpoint: def.subject });
    const data = def.request.safeParse((wire as { data?: unknown }).data ?? {});
    if (!data.success) throw validationError('request', data.error);
    const result = await reg.handle(data.data, { meta: meta.data, logger: log });
    const reply = encoder.encode(JSON.stringify({ ok: true, data: result }));
    const limit = maxPayload();
    if (reply.length > limit) {
      throw new AppError('internal', `Reply of ${reply.length} bytes exceeds the ${limit}-byte message limit; ask for a smaller page`);
    }
    msg.respond(reply, {
      headers: buildHeaders({ [CORRELATION_HEADER]: meta.data.correlationId }),
    });
  } catch (err) {
    const appError = err instanceof AppError ? err : null;
    if (!appError) log.error({ err, endpoint: def.subject }, 'endpoint failed unexpectedly');
    const body = appError ? appError.toBody() : new AppError('internal', 'Internal error; the failure was logged').toBody();
    msg.respondError(body.status, body.message, encoder.encode(JSON.stringify({ ok: false, error: body })));
    if (appError) throw appError; // recorded by the metrics timer as the error's code
  }
}

function safeJson(data: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(data));
  } catch {
    return undefined;
  }
}
