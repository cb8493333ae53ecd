import { vapiAssistantRequestV1, vapiToolCallsV1, type RequestMeta, type VoiceToolCall, type WebhookDelivery } from '@soraaya/contracts';
import type { Logger, RpcClient } from '@soraaya/service-kit';
import { dialledNumber, type PhoneLineDirectory } from '../tenants/phone-lines';

/** VAPI needs assistant-request answers within 7.5 s; leave margin for the network. */
const ANSWER_BUDGET_MS = 6_000;

/** Spoken to the caller by VAPI when no assistant can take the call. */
export const NOT_IN_SERVICE = 'Sorry, no one can take your call on this number right now. Please try again later.';
const TOOL_UNAVAILABLE = 'This tool is not available right now; carry on without it.';

export interface VapiAnswerDeps {
  rpc: RpcClient;
  logger: Logger;
  phoneLines: PhoneLineDirectory;
}

/**
 * The tool calls in a VAPI `tool-calls` message: `toolCallList` today, the
 * same list inside `toolWithToolCallList`, or `toolCalls` in older payloads.
 * Entries without an id or a function name cannot be answered and are left out.
 */
export function toolCallsOf(message: Record<string, unknown>): VoiceToolCall[] {
  type Raw = { id?: unknown; function?: { name?: unknown; arguments?: unknown } };
  const list = (Array.isArray(message.toolCallList) ? message.toolCallList : null) ??
    (Array.isArray(message.toolWithToolCallList) ? (message.toolWithToolCallList as { toolCall?: Raw }[]).map((t) => t?.toolCall) : null) ??
    (Array.isArray(message.toolCalls) ? message.toolCalls : []);
  return (list as (Raw | undefined)[])
    .filter((c): c is Raw => !!c && typeof c.id === 'string' && !!c.id && typeof c.function?.name === 'string' && !!c.function.name)
    .slice(0, 20)
    .map((c) => ({ id: c.id as string, name: c.function!.name as string, arguments: c.function!.arguments ?? {} }));
}

/** Messages VAPI expects an answer to (assistant-request, tool-calls); every other type gets an empty 200. */
export async function vapiAnswer(deps: VapiAnswerDeps, d: WebhookDelivery, m: Record<string, unknown>, correlationId: string): Promise<unknown> {
  if (d.type === 'assistant-request') return answerAssistantRequest(deps, d, m, correlationId);
  if (d.type === 'tool-calls') return answerToolCalls(deps, d, m, correlationId);
  return {};
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lead and campaign ids we put into the call's (or, inbound, the assistant's) metadata; anything else is ignored. */
function callMetadata(m: Record<string, unknown>): { leadId: string | null; campaignId: string | null } {
  const md = ((m.call as { metadata?: unknown } | undefined)?.metadata ?? (m.assistant as { metadata?: unknown } | undefined)?.metadata ?? {}) as Record<string, unknown>;
  const id = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : null);
  return { leadId: id(md.leadId), campaignId: id(md.campaignId) };
}

function meta(tenantId: string, correlationId: string): RequestMeta {
  return { tenantId, actor: { type: 'system', id: 'webhook-ingress' }, correlationId };
}

/**
 * Whose call it is comes from the call's metadata when we placed it, otherwise
 * from the dialled number (an inbound call). A number no tenant registered is
 * refused with a spoken message rather than answered by someone's assistant.
 */
async function answerAssistantRequest(deps: VapiAnswerDeps, d: WebhookDelivery, m: Record<string, unknown>, correlationId: string): Promise<unknown> {
  try {
    const line = await deps.phoneLines.find(dialledNumber(m));
    const tenantId = d.tenantId ?? line?.tenantId ?? null;
    if (!tenantId) {
      deps.logger.warn({ dialled: dialledNumber(m) }, 'assistant-request for a number no organisation registered');
      return { error: NOT_IN_SERVICE };
    }
    const customer = (m.customer ?? (m.call as { customer?: unknown } | undefined)?.customer) as { number?: unknown } | undefined;
    return await deps.rpc.request(
      vapiAssistantRequestV1,
      meta(tenantId, correlationId),
      { providerCallId: d.providerCallId, customerNumber: typeof customer?.number === 'string' ? customer.number.slice(0, 40) : null, defaultCampaignId: line?.tenantId === tenantId ? line.campaignId : null },
      { timeoutMs: ANSWER_BUDGET_MS },
    );
  } catch (err) {
    deps.logger.error({ err: (err as Error).message }, 'no assistant for an assistant-request');
    return { error: NOT_IN_SERVICE };
  }
}

/** One result per tool call, always: VAPI's model waits for each id it asked about. */
async function answerToolCalls(deps: VapiAnswerDeps, d: WebhookDelivery, m: Record<string, unknown>, correlationId: string): Promise<unknown> {
  const calls = toolCallsOf(m);
  if (calls.length === 0) return { results: [] };
  const unavailable = () => ({ results: calls.map((c) => ({ toolCallId: c.id, name: c.name, error: TOOL_UNAVAILABLE })) });
  if (!d.tenantId) {
    deps.logger.warn({ providerCallId: d.providerCallId }, 'tool-calls for a call without our metadata');
    return unavailable();
  }
  try {
    const ids = callMetadata(m);
    return await deps.rpc.request(
      vapiToolCallsV1,
      meta(d.tenantId, correlationId),
      { providerCallId: d.providerCallId, callId: d.callId, leadId: ids.leadId, campaignId: ids.campaignId, toolCalls: calls },
      { timeoutMs: ANSWER_BUDGET_MS },
    );
  } catch (err) {
    deps.logger.error({ err: (err as Error).message }, 'tool calls could not be answered');
    return unavailable();
  }
}
