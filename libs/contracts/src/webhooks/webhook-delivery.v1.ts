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
 * VAPI asks which assistant should take an inbound call, and needs the answer
 * in the webhook reply within 7.5 s. The gateway finds the tenant from the
 * dialled number (its phone lines); the campaign service answers from the
 * caller's lead, campaign and persona. The response goes back to VAPI as is:
 * `{ assistant, assistantOverrides }` or `{ error }` (spoken to the caller).
 */
export const vapiAssistantRequestV1 = defineEndpoint({
  service: 'campaign',
  verb: 'vapi_assistant_request',
  version: 1,
  request: z
    .object({
      providerCallId: z.string().nullable(),
      /** The caller, E.164 as VAPI gives it; null for a withheld number. */
      customerNumber: z.string().max(40).nullable(),
      /** The campaign the dialled line belongs to, for callers who are in no campaign. */
      defaultCampaignId: z.uuid().nullable(),
    })
    .strict(),
  response: z.record(z.string(), z.unknown()),
});

/** One function call the voice agent made; `arguments` as VAPI sent them (a JSON string or an object). */
export const voiceToolCallSchema = z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(100), arguments: z.unknown() });
export type VoiceToolCall = z.infer<typeof voiceToolCallSchema>;

/** VAPI tool calls during a call; answered by the dialer with one result per tool call id, in order. */
export const vapiToolCallsV1 = defineEndpoint({
  service: 'dialer',
  verb: 'vapi_tool_calls',
  version: 1,
  request: z
    .object({
      providerCallId: z.string().nullable(),
      /** From the call's metadata: our call id for calls the dialer placed; lead and campaign for inbound ones. */
      callId: z.string().nullable(),
      leadId: z.uuid().nullable(),
      campaignId: z.uuid().nullable(),
      toolCalls: z.array(voiceToolCallSchema).min(1).max(20),
    })
    .strict(),
  response: z.object({ results: z.array(z.object({ toolCallId: z.string(), name: z.string(), result: z.string().optional(), error: z.string().optional() })) }),
});
