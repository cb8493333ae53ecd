import {
  CORRELATION_HEADER,
  errorBodySchema,
  type EndpointDefinition,
  type RequestMeta,
} from '@soraaya/contracts';
import { ErrorCode, type NatsConnection, type NatsError } from 'nats';
import { z } from 'zod';
import { AppError, ServiceUnavailableError } from '../errors';
import { buildHeaders } from './headers';
import type { Topology } from './topology';

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
    const payload = Buffer.from(JSON.stringify({ meta, data }));
    let reply;
    try {
      reply = await this.nc.request(this.topology.subject(def.subject), payload, {
        timeout: opts.timeoutMs ?? this.defaultTimeoutMs,
        headers: buildHeaders({ [CORRELATION_HEADER]: meta.correlationId }),
      });
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
    const parsed = replySchema.safeParse(JSON.parse(new TextDecoder().decode(reply.data)));
    if (!parsed.success) throw new AppError('internal', `Malformed reply from ${def.subject}`);
    if (!parsed.data.ok) throw AppError.fromBody(parsed.data.error);
    const result = def.response.safeParse(parsed.data.data);
    if (!result.success) throw new AppError('internal', `Reply from ${def.subject} does not match its contract`, { issues: result.error.issues });
    return result.data;
  }
}
