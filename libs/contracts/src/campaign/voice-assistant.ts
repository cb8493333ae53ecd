import { z } from 'zod';
import type { Lead } from '../lead/lead.model';
import type { Persona } from './persona.model';
import type { Property } from './property.model';

/**
 * What the AI voice agent is told and can do, built the same way for outbound
 * calls (the dialer's VAPI assistant overrides) and inbound ones (the campaign
 * service's answer to VAPI's `assistant-request`). One place, so a persona
 * sounds and behaves the same whichever way the call started.
 */

export interface ScriptContext {
  lead: Pick<Lead, 'contactPerson' | 'location' | 'propertyName' | 'priceRange'> | null;
  persona: Pick<Persona, 'name'> | null;
  properties: Pick<Property, 'name' | 'location' | 'type' | 'priceMinInr' | 'priceMaxInr'>[];
  campaignName: string;
  companyName: string;
}

/** "₹8.5 Cr", "₹12 Cr": how an Indian sales agent says a price. */
export function spokenCrore(inr: number): string {
  return `₹${(inr / 1e7).toFixed(inr % 1e7 === 0 ? 0 : 1)} Cr`;
}

export function spokenPriceRange(minInr: number, maxInr: number): string {
  return minInr === maxInr ? spokenCrore(minInr) : `${spokenCrore(minInr)} to ${spokenCrore(maxInr)}`;
}

/** Values for every SCRIPT_VARIABLES name; a missing fact becomes an empty string, never "undefined". */
export function scriptValues(ctx: ScriptContext): Record<string, string> {
  const p = ctx.properties[0];
  const lead = ctx.lead;
  return {
    'lead.contact_person': lead?.contactPerson ?? '',
    'lead.first_name': lead ? (lead.contactPerson.split(/\s+/)[0] ?? lead.contactPerson) : '',
    'lead.location': lead?.location ?? '',
    'lead.property_name': lead?.propertyName ?? '',
    'lead.price_range': lead?.priceRange ?? '',
    'property.name': p?.name ?? lead?.propertyName ?? '',
    'property.location': p?.location ?? lead?.location ?? '',
    'property.type': p?.type ?? '',
    'property.price': p ? spokenPriceRange(p.priceMinInr, p.priceMaxInr) : (lead?.priceRange ?? ''),
    'campaign.name': ctx.campaignName,
    'persona.name': ctx.persona?.name.replace(/\s*\(.*\)$/, '') ?? 'your advisor',
    'company.name': ctx.companyName,
  };
}

const VARIABLE = /{{\s*([^{}]*?)\s*}}/g;

/** Fills `{{variable}}`s; unknown or missing ones become empty (save-time checks refuse unknown names). */
export function fillScript(template: string, values: Record<string, string | number | null | undefined>): string {
  return template.replace(VARIABLE, (_m, name: string) => String(values[name] ?? ''));
}

/** The `{{name}}`s a template uses, in order of appearance. */
export function scriptVariablesUsed(template: string): string[] {
  return [...template.matchAll(VARIABLE)].map((m) => m[1]!);
}

/**
 * Tools the voice agent may call mid-conversation. VAPI sends them to
 * `/webhooks/vapi` as `tool-calls`; the dialer answers each one. Arguments
 * arrive from a language model, so each has a zod schema and a bad one is
 * answered with an error naming the argument, never a crash.
 */
export const voiceToolArguments = {
  book_callback: z
    .object({
      when: z.iso
        .datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-11-24T17:00:00+05:30' })
        .describe('When to call back, ISO 8601 with the offset of the person\'s time zone, e.g. 2026-11-24T17:00:00+05:30'),
      note: z.string().trim().max(300).optional().describe('Anything the person said about the call back'),
    })
    .strict(),
  opt_out: z.object({ reason: z.string().trim().max(300).optional().describe('Their words, briefly') }).strict(),
  find_properties: z
    .object({
      location: z.string().trim().min(2).max(100).optional().describe('Area or city, e.g. Worli'),
      budgetMaxInr: z.number().int().positive().max(1e13).optional().describe('Highest budget in rupees, e.g. 85000000 for 8.5 crore'),
      type: z.string().trim().min(2).max(40).optional().describe('apartment, villa, penthouse, plot, commercial...'),
    })
    .strict(),
} as const;
export type VoiceToolName = keyof typeof voiceToolArguments;
export const VOICE_TOOL_NAMES = Object.keys(voiceToolArguments) as VoiceToolName[];

const TOOL_DESCRIPTIONS: Record<VoiceToolName, string> = {
  book_callback:
    'Book a call back at the time the person asked for. Use their time zone offset. Say the booked time back to them from the result.',
  opt_out: 'The person asked not to be called again: put their number on the do-not-call list at once, then close politely.',
  find_properties: 'Look up available properties matching what the person wants (area, budget in rupees, type such as apartment or villa).',
};

/** The subset of JSON Schema VAPI's `OpenAiFunctionParameters` accepts; VAPI refuses properties it does not know. */
const VAPI_SCHEMA_KEYS = new Set(['type', 'items', 'properties', 'description', 'format', 'required', 'enum', 'title']);

function vapiSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!VAPI_SCHEMA_KEYS.has(key)) continue;
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as Record<string, Record<string, unknown>>).map(([k, v]) => [k, vapiSchema(v)]));
    else if (key === 'items') out[key] = vapiSchema(value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}

/** VAPI function-tool definitions (`model.tools`), derived from the same zod schemas the dialer checks arguments with. */
export function voiceToolDefinitions(): Record<string, unknown>[] {
  return VOICE_TOOL_NAMES.map((name) => ({
    type: 'function',
    async: false,
    function: { name, description: TOOL_DESCRIPTIONS[name], parameters: vapiSchema(z.toJSONSchema(voiceToolArguments[name]) as Record<string, unknown>) },
  }));
}

export interface AssistantInput extends ScriptContext {
  persona: Pick<Persona, 'name' | 'firstMessage' | 'scriptTemplate' | 'voiceProvider' | 'voiceId'>;
  direction: 'outbound' | 'inbound';
  /** Travels on every later webhook of the call, so the gateway knows the tenant. */
  metadata: Record<string, string | number>;
  model?: string;
}

/** How an inbound caller is greeted: the persona's outbound opener assumes we rang them. */
function inboundGreeting(values: Record<string, string>): string {
  const name = values['lead.first_name'] ? ` ${values['lead.first_name']}` : '';
  return `Hello${name}, thank you for calling ${values['company.name']}. This is ${values['persona.name']}; how can I help you today?`;
}

const TOOL_GUIDANCE =
  'Tools: book_callback when they ask to be called later; opt_out when they ask not to be called again; find_properties when they ask what is available.';

/**
 * The assistant settings for a call from its persona: first message, system
 * prompt with the persona's script, voice, tools and metadata (fields both
 * VAPI's CreateAssistantDto and AssistantOverrides accept), plus the variable
 * values, which only overrides take. The dialer sends `{ ...assistant,
 * variableValues }` as `assistantOverrides`; an inbound `assistant-request`
 * answer is `{ assistant, assistantOverrides: { variableValues } }`.
 */
export function buildAssistant(input: AssistantInput): { assistant: Record<string, unknown>; variableValues: Record<string, string> } {
  const values = scriptValues(input);
  const { persona } = input;
  const prompt = [
    fillScript(persona.scriptTemplate, values),
    input.direction === 'inbound' ? 'This person called us; find out what they need before qualifying them.' : '',
    TOOL_GUIDANCE,
  ]
    .filter(Boolean)
    .join('\n\n');
  const assistant = {
    name: values['persona.name']!.slice(0, 40),
    firstMessage: input.direction === 'inbound' ? inboundGreeting(values) : fillScript(persona.firstMessage, values),
    model: { provider: 'openai', model: input.model ?? 'gpt-4o', messages: [{ role: 'system', content: prompt }], tools: voiceToolDefinitions() },
    voice: { provider: persona.voiceProvider, voiceId: persona.voiceId },
    metadata: input.metadata,
  };
  return { assistant, variableValues: values };
}
