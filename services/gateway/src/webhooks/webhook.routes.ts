import { WEBHOOK_SUBJECTS, webhookDeliveryV1, type WebhookDelivery } from '@soraaya/contracts';
import { publishRaw, type ServiceMetrics, type Topology } from '@soraaya/service-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JetStreamClient } from 'nats';
import { parse as parseQueryString } from 'node:querystring';
import { validateRequest as validateTwilioRequest } from 'twilio/lib/webhooks/webhooks';
import { sendError } from '../http/api-error';
import { vapiAnswer, type VapiAnswerDeps } from './vapi-answers';
import { verifyVapi, type VapiAuthConfig } from './vapi-auth';
import { twilioMessageId, vapiMessageId } from './webhook-identity';

export interface WebhookDeps extends VapiAnswerDeps {
  js: JetStreamClient;
  topology: Topology;
  metrics: ServiceMetrics;
  vapi: VapiAuthConfig | null;
  twilioAuthToken: string | null;
  publicBaseUrl: string;
}

/**
 * Provider webhooks. Each delivery is authenticated before anything is stored,
 * published to the WEBHOOKS stream with an id from the provider's own event
 * identity (retries collapse), and answered 2xx only once JetStream has it. If
 * JetStream cannot take it, the answer is 503 so the provider retries: nothing
 * accepted is ever lost.
 */
export async function registerWebhookRoutes(app: FastifyInstance, deps: WebhookDeps): Promise<void> {
  await app.register(async (scope) => {
    // Raw bodies: signatures are computed over the exact bytes received.
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 2 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body));

    // Machine-to-machine: browser security headers would be wasted work on every delivery.
    const machine = { helmet: false as const };

    scope.post('/webhooks/vapi', machine, async (req, reply) => {
      const raw = req.body as Buffer;
      if (!deps.vapi) return sendError(reply, 503, 'unavailable', 'VAPI webhooks are not configured (set VAPI_WEBHOOK_SECRET)');
      const verified = verifyVapi(deps.vapi, req.headers, raw);
      if (!verified.ok) {
        deps.logger.warn({ reason: verified.reason, ip: req.ip }, 'vapi webhook refused');
        return sendError(reply, 401, 'unauthorized', 'Webhook signature or secret is not valid');
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return sendError(reply, 400, 'bad_request', 'Body is not valid JSON');
      }
      const message = (body as { message?: unknown })?.message;
      if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') {
        return sendError(reply, 400, 'bad_request', 'Expected a VAPI server message: { "message": { "type": ... } }');
      }
      const m = message as Record<string, unknown>;
      const call = (m.call ?? {}) as { id?: unknown; metadata?: Record<string, unknown> };
      const metadata = call.metadata ?? ((m.assistant as { metadata?: Record<string, unknown> } | undefined)?.metadata ?? {});
      const delivery: WebhookDelivery = {
        id: vapiMessageId(m, raw),
        provider: 'vapi',
        receivedAt: new Date().toISOString(),
        type: String(m.type),
        providerCallId: typeof call.id === 'string' ? call.id : null,
        tenantId: typeof metadata.tenantId === 'string' && /^[0-9a-f-]{36}$/.test(metadata.tenantId) ? metadata.tenantId : null,
        callId: typeof metadata.callId === 'string' ? metadata.callId : null,
        body,
      };
      if (!(await store(deps, WEBHOOK_SUBJECTS.vapi, delivery, reply))) return reply;
      return reply.code(200).send(await vapiAnswer(deps, delivery, m, String(req.id)));
    });

    for (const [path, kind] of [
      ['/webhooks/twilio/voice', 'voice-status'],
      ['/webhooks/twilio/recording', 'recording-status'],
    ] as const) {
      scope.post(path, machine, async (req: FastifyRequest, reply: FastifyReply) => {
        if (!deps.twilioAuthToken) return sendError(reply, 503, 'unavailable', 'Twilio webhooks are not configured (set TWILIO_AUTH_TOKEN)');
        const raw = req.body as Buffer | undefined;
        if (!Buffer.isBuffer(raw)) return sendError(reply, 415, 'unsupported_media_type', 'Expected application/x-www-form-urlencoded');
        const params = Object.fromEntries(Object.entries(parseQueryString(raw.toString('utf8'))).map(([k, v]) => [k, Array.isArray(v) ? v[0]! : (v ?? '')]));
        const signature = req.headers['x-twilio-signature'];
        const url = new URL(req.url, deps.publicBaseUrl).toString();
        if (typeof signature !== 'string' || !validateTwilioRequest(deps.twilioAuthToken, signature, url, params)) {
          deps.logger.warn({ ip: req.ip, url }, 'twilio webhook refused');
          return sendError(reply, 401, 'unauthorized', 'X-Twilio-Signature is missing or does not match');
        }
        const delivery: WebhookDelivery = {
          id: twilioMessageId(kind, params),
          provider: 'twilio',
          receivedAt: new Date().toISOString(),
          type: kind,
          providerCallId: params.CallSid ?? null,
          tenantId: null,
          callId: null,
          body: params,
        };
        if (!(await store(deps, WEBHOOK_SUBJECTS.twilio, delivery, reply))) return reply;
        return reply.code(200).header('content-type', 'text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
      });
    }
  });
}

/** Publishes and waits for JetStream's ack. On failure answers 503 and returns false. */
async function store(deps: WebhookDeps, subject: string, delivery: WebhookDelivery, reply: FastifyReply): Promise<boolean> {
  webhookDeliveryV1.parse(delivery);
  try {
    await deps.metrics.time('webhook', delivery.provider, () => publishRaw(deps.js, deps.topology, subject, delivery, delivery.id));
    return true;
  } catch (err) {
    deps.logger.error({ err: (err as Error).message, id: delivery.id }, 'webhook could not be stored; asking the provider to retry');
    reply.header('retry-after', '5');
    sendError(reply, 503, 'unavailable', 'Could not store the webhook durably; retry later');
    return false;
  }
}
