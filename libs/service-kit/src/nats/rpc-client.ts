import {
  CORRELATION_HEADER,
  errorBodySchema,
  type EndpointDefinition,
  type RequestMeta,
} from '@soraaya/contracts';
import { ErrorCode, type NatsConnection, type NatsError } from 'nats';
import { z } from 'zod';
import { AppError, ServiceUnavailableError } from '../errors';
import { SpanKind, inSpan, traceHeaders } from '../tracing/tracing';
import { buildHeaders } from './headers';
import type { Topology } from './topology';

const OK_PREFIX = '{"ok":true,"data":';

const replySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorBodySchema }),
]);

/**
 * Calls a service endpoint. Replies are validated against the contract; an
 * error reply is rethrown as an AppError with the service's code and message;
 * a service that is down or slow becomes a 503 with a clear message.
 */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly topology: Topology,
    private readonly defaultTimeoutMs = 5_000,
  ) {}

  async request<TReq extends z.ZodType, TRes extends z.ZodType>(
    def: EndpointDefinition<TReq, TRes>,
    meta: RequestMeta,
    data: z.input<TReq>,
    opts: { timeoutMs?: number } = {},
  ): Promise<z.output<TRes>> {
    const text = await this.send(def, meta, data, opts);
    const parsed = replySchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new AppError('internal', `Malformed reply from ${def.subject}`);
    if (!parsed.data.ok) throw AppError.fromBody(parsed.data.error);
    const result = def.response.safeParse(parsed.data.data);
    if (!result.success) throw new AppError('internal', `Reply from ${def.subject} does not match its contract`, { issues: result.error.issues });
    return result.data;
  }

  /**
   * The reply's data as the JSON text the service wrote, not parsed or checked
   * again: for a gateway passing large pages straight to HTTP, where parsing,
   * validating and re-serialising 50 leads would cost more than the query.
   * Errors are parsed and thrown as usual.
   */
  async requestJson<TReq extends z.ZodType, TRes extends z.ZodType>(
    def: EndpointDefinition<TReq, TRes>,
    meta: RequestMeta,
    data: z.input<TReq>,
    opts: { timeoutMs?: number } = {},
  ): Promise<string> {
    const text = await this.send(def, meta, data, opts);
    // Replies are written by startRpcService as exactly {"ok":true,"data":<json>}.
    if (text.startsWith(OK_PREFIX) && text.endsWith('}')) return text.slice(OK_PREFIX.length, -1);
    const parsed = replySchema.safeParse(JSON.parse(text));
    if (parsed.success && !parsed.data.ok) throw AppError.fromBody(parsed.data.error);
    throw new AppError('internal', `Malformed reply from ${def.subject}`);
  }

  private async send(def: EndpointDefinition<z.ZodType, z.ZodType>, meta: RequestMeta, data: unknown, opts: { timeoutMs?: number }): Promise<string> {
    const payload = Buffer.from(JSON.stringify({ meta, data }));
    try {
      const reply = await inSpan(def.subject, { kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'nats', 'rpc.method': def.subject } }, () =>
        this.nc.request(this.topology.subject(def.subject), payload, {
          timeout: opts.timeoutMs ?? this.defaultTimeoutMs,
          headers: buildHeaders({ [CORRELATION_HEADER]: meta.correlationId, ...traceHeaders() }),
        }),
      );
      return new TextDecoder().decode(reply.data);
    } catch (err) {
      const code = (err as NatsError).code;
      if (code === ErrorCode.NoResponders) {
        throw new ServiceUnavailableError(`The ${def.service} service is not running (no responders on ${def.subject})`);
      }
      if (code === ErrorCode.Timeout) {
        throw new ServiceUnavailableError(`The ${def.service} service did not answer ${def.subject} in time`);
      }
      throw new ServiceUnavailableError(`Could not reach the ${def.service} service: ${(err as Error).message}`);
    }
  }
}
