import {
  PROPERTY_TYPES,
  addDncV1,
  getLeadV1,
  listPropertiesV1,
  spokenPriceRange,
  voiceToolArguments,
  type Lead,
  type ParsedRequestOf,
  type RequestMeta,
  type ResponseOf,
  type VoiceToolCall,
  type VoiceToolName,
  type vapiToolCallsV1,
} from '@soraaya/contracts';
import { AppError, withTenant, type Logger, type RpcClient } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { checkCallbackTime, spokenTime } from '../domain/callback-request';
import { windowZone, type LegalWindow } from '../domain/calling-window';
import type { CallRow, DialerCampaign } from './call-row';
import type { LeadStatusClient } from './lead-status.client';

type ToolResult = ResponseOf<typeof vapiToolCallsV1>['results'][number];
type ToolAnswer = Omit<ToolResult, 'toolCallId' | 'name'>;
type ToolArgs<K extends VoiceToolName> = z.infer<(typeof voiceToolArguments)[K]>;

export interface VoiceToolDeps {
  ds: DataSource;
  rpc: RpcClient;
  leads: LeadStatusClient;
  logger: Logger;
  legal: LegalWindow;
  now?: () => Date;
}

/** What a tool call is about: the call we placed (when it is one of ours), its lead and campaign. */
interface CallScope {
  meta: RequestMeta;
  call: CallRow | null;
  leadId: string | null;
  campaignId: string | null;
}

/**
 * Answers the voice agent's tool calls while the person is on the line: book
 * a call back inside the calling window, put the number on the do-not-call
 * list, look up available properties. Every call id gets a result or an
 * error the agent can say something sensible about; nothing here throws
 * back to VAPI.
 */
export class VoiceTools {
  private readonly now: () => Date;

  constructor(private readonly deps: VoiceToolDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async answer(meta: RequestMeta, input: ParsedRequestOf<typeof vapiToolCallsV1>): Promise<ResponseOf<typeof vapiToolCallsV1>> {
    const call = await this.findCall(meta.tenantId, input.callId, input.providerCallId);
    const scope: CallScope = { meta, call, leadId: call?.lead_id ?? input.leadId, campaignId: call?.campaign_id ?? input.campaignId };
    const results: ToolResult[] = [];
    // One after another: a call back and an opt-out in the same turn must not race on the same lead.
    for (const toolCall of input.toolCalls) results.push(await this.answerOne(scope, toolCall));
    return { results };
  }

  private async answerOne(scope: CallScope, toolCall: VoiceToolCall): Promise<ToolResult> {
    const base = { toolCallId: toolCall.id, name: toolCall.name };
    if (!(toolCall.name in voiceToolArguments)) return { ...base, error: `There is no tool called ${toolCall.name}; carry on without it.` };
    const name = toolCall.name as VoiceToolName;
    const args = parseArguments(name, toolCall.arguments);
    if (!args.ok) return { ...base, error: args.error };
    const handlers: { [K in VoiceToolName]: (scope: CallScope, args: ToolArgs<K>) => Promise<ToolAnswer> } = {
      book_callback: (sc, a) => this.bookCallback(sc, a),
      opt_out: (sc, a) => this.optOut(sc, a),
      find_properties: (sc, a) => this.findProperties(sc, a),
    };
    try {
      return { ...base, ...(await (handlers[name] as (scope: CallScope, args: unknown) => Promise<ToolAnswer>)(scope, args.value)) };
    } catch (err) {
      this.deps.logger.error({ err: (err as Error).message, tool: name, callId: scope.call?.id }, 'voice tool failed');
      return { ...base, error: 'That could not be done just now; tell the person a colleague will follow up.' };
    }
  }

  private async bookCallback(scope: CallScope, args: ToolArgs<'book_callback'>): Promise<ToolAnswer> {
    const lead = await this.lead(scope);
    if (!lead) return { error: 'This caller is not one of our leads yet, so a call back cannot be booked; take their details instead.' };
    const campaign = scope.campaignId ? await this.campaign(scope.meta.tenantId, scope.campaignId) : null;
    const policy = campaign?.policy ?? { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], windowStart: this.deps.legal.start, windowEnd: this.deps.legal.end, windowTimeZone: 'lead' as const, campaignTimeZone: lead.timeZone };
    const zone = windowZone(policy, lead.timeZone);
    const check = checkCallbackTime(new Date(args.when), this.now(), zone, policy, this.deps.legal);
    if (!check.ok) {
      const offer = check.suggestion ? ` The nearest time we can call is ${spokenTime(check.suggestion, zone)}; offer that.` : '';
      const why = {
        too_soon: 'That is too soon for a call back.',
        too_far: 'That is more than two months away; ask for a nearer time.',
        outside_window: 'That is outside our calling hours.',
        never_callable: 'We have no calling hours for this campaign; tell the person a colleague will call.',
      }[check.reason];
      return { error: `${why}${offer}` };
    }
    const at = check.at.toISOString();
    if (scope.call && scope.call.state !== 'ended') {
      // Acted on when the call ends (call-lifecycle): the lead moves once the conversation is over.
      await withTenant(this.deps.ds, scope.meta.tenantId, (tx) => tx.query(`update dialer.calls set requested_callback_at = $2 where id = $1`, [scope.call!.id, at]));
    } else {
      await this.deps.leads.move(scope.meta.tenantId, lead.id, ['callback_requested'], scope.meta.correlationId, at);
    }
    return { result: `Booked: we will call back on ${spokenTime(check.at, zone)}, ${zone} time.` };
  }

  private async optOut(scope: CallScope, args: ToolArgs<'opt_out'>): Promise<ToolAnswer> {
    const lead = await this.lead(scope);
    if (!lead) return { error: 'This caller is not one of our leads, so there is no number to remove; apologise and close.' };
    const meta = { ...scope.meta, actor: { type: 'service' as const, id: 'voice-agent' } };
    await this.deps.rpc.request(addDncV1, meta, { phone: lead.phoneE164, reason: `Asked on a call${args.reason ? `: ${args.reason}` : ''}`.slice(0, 500) });
    return { result: 'Done: this number is on our do-not-call list and will not be called again. Apologise for the disturbance and close politely.' };
  }

  private async findProperties(scope: CallScope, args: ToolArgs<'find_properties'>): Promise<ToolAnswer> {
    const type = PROPERTY_TYPES.find((t) => args.type?.toLowerCase().startsWith(t) || (args.type && t.startsWith(args.type.toLowerCase())));
    const { items } = await this.deps.rpc.request(listPropertiesV1, scope.meta, {
      availability: ['available'],
      ...(args.location ? { location: args.location } : {}),
      ...(args.budgetMaxInr ? { priceMaxInr: args.budgetMaxInr } : {}),
      ...(type ? { types: [type] } : {}),
    });
    if (items.length === 0) return { result: 'No available property matches that. Note what they want; a colleague will share options as they come up.' };
    const top = items.slice(0, 3).map((p) => `${p.name}, ${/^[aeiou]/.test(p.type) ? 'an' : 'a'} ${p.type} in ${p.location}, ${spokenPriceRange(p.priceMinInr, p.priceMaxInr)}`);
    return { result: `${items.length} available. ${top.join('; ')}.` };
  }

  private async findCall(tenantId: string, callId: string | null, providerCallId: string | null): Promise<CallRow | null> {
    if (!callId && !providerCallId) return null;
    const id = callId && /^[0-9a-f-]{36}$/i.test(callId) ? callId : null;
    const rows: CallRow[] = await withTenant(this.deps.ds, tenantId, (tx) =>
      tx.query(`select * from dialer.calls where tenant_id = $1 and (id = $2 or provider_call_id = $3) limit 1`, [tenantId, id, providerCallId]),
    );
    return rows[0] ?? null;
  }

  private async campaign(tenantId: string, campaignId: string): Promise<DialerCampaign | null> {
    const rows: DialerCampaign[] = await withTenant(this.deps.ds, tenantId, (tx) => tx.query(`select * from dialer.campaigns where id = $1`, [campaignId]));
    return rows[0] ?? null;
  }

  private async lead(scope: CallScope): Promise<Lead | null> {
    if (!scope.leadId) return null;
    try {
      return (await this.deps.rpc.request(getLeadV1, scope.meta, { id: scope.leadId, withHistory: false })).lead;
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return null; // deleted meanwhile
      throw err;
    }
  }
}

/** VAPI sends arguments as a JSON string (the SDK's type) or, in older payloads, as an object. */
function parseArguments(name: VoiceToolName, raw: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = raw.trim() ? JSON.parse(raw) : {};
    } catch {
      return { ok: false, error: `The arguments for ${name} are not valid JSON; call it again with a JSON object.` };
    }
  }
  const parsed = voiceToolArguments[name].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'} ${i.message}`).join('; ');
  return { ok: false, error: `Arguments for ${name} are not right: ${issues}.` };
}
