import { z } from 'zod';
import { defineEndpoint } from '../rpc';

/**
 * A provider webhook, verified and stored by the gateway on the WEBHOOKS stream
 * (`webhooks.vapi`, `webhooks.twilio`). `id` is derived from the provider's own
 * identity for the event and is the JetStream message id, so provider retries
 * collapse into one message. The body is kept as sent: unknown message types
 * and fields are stored, never dropped.
 */
export const webhookDeliveryV1 = z.object({
  id: z.string().min(1).max(300),
  provider: z.enum(['vapi', 'twilio']),
  receivedAt: z.iso.datetime({ offset: true }),
  /** VAPI `message.type`, or Twilio's callback kind (`voice-status`, `recording-status`). */
  type: z.string(),
  /** Provider call id (VAPI call.id, Twilio CallSid) when the message has one. */
  providerCallId: z.string().nullable(),
  /** Our ids the dialer put into the call's metadata, when present. */
  tenantId: z.uuid().nullable(),
  callId: z.string().nullable(),
  body: z.unknown(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliveryV1>;

export const WEBHOOK_SUBJECTS = { vapi: 'webhooks.vapi', twilio: 'webhooks.twilio' } as const;

/**
 * VAPI asks which assistant should take an inbound or transferred call, and
 * needs the answer in the webhook reply within 7.5 s. Answered by the campaign
 * service from persona and campaign data.
 */
export const vapiAssistantRequestV1 = defineEndpoint({
  service: 'campaign',
  verb: 'vapi_assistant_request',
  version: 1,
  request: z.object({ providerCallId: z.string().nullable(), callId: z.string().nullable(), customerNumber: z.string().nullable(), message: z.unknown() }),
  /** Passed back to VAPI as is: `{ assistantId }`, `{ assistant }` or `{ error }`. */
  response: z.record(z.string(), z.unknown()),
});

/** VAPI tool calls during a call; answered by the dialer with one result per tool call id. */
export const vapiToolCallsV1 = defineEndpoint({
  service: 'dialer',
  verb: 'vapi_tool_calls',
  version: 1,
  request: z.object({ providerCallId: z.string().nullable(), callId: z.string().nullable(), message: z.unknown() }),
  response: z.object({ results: z.array(z.object({ toolCallId: z.string(), result: z.string().optional(), error: z.string().optional() })) }),
});
