import type { Persona, PersonaWritable, PERSONA_ACCENTS as ContractAccents, PERSONA_REGIONS as ContractRegions, PERSONA_STYLES as ContractStyles, SCRIPT_VARIABLES as ContractVariables } from '@soraaya/contracts';

/**
 * The persona editor's rules, mirroring `personaWritableSchema` and the campaign
 * service's template check in plain functions (no Angular, no zod in the bundle).
 * The `satisfies` lines keep the lists equal to the contract's.
 */
export type { Persona, PersonaWritable };
export type Accent = PersonaWritable['accent'];
export type CommunicationStyle = PersonaWritable['communicationStyle'];
export type VoiceProvider = PersonaWritable['voiceProvider'];

export const PERSONA_REGIONS = ['mumbai', 'delhi', 'bangalore', 'pune', 'chennai', 'hyderabad'] as const satisfies typeof ContractRegions;
export const PERSONA_ACCENTS = ['indian', 'uk', 'usa'] as const satisfies typeof ContractAccents;
export const PERSONA_STYLES = ['formal', 'casual', 'consultative'] as const satisfies typeof ContractStyles;
export const VOICE_PROVIDERS = ['vapi', '11labs', 'playht', 'azure', 'openai', 'deepgram', 'cartesia'] as const satisfies readonly VoiceProvider[];
export const SCRIPT_VARIABLES = [
  'lead.contact_person',
  'lead.first_name',
  'lead.location',
  'lead.property_name',
  'lead.price_range',
  'property.name',
  'property.location',
  'property.type',
  'property.price',
  'campaign.name',
  'persona.name',
  'company.name',
] as const satisfies typeof ContractVariables;
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
const _providersComplete: Missing<VoiceProvider, (typeof VOICE_PROVIDERS)[number]> = true;
void _providersComplete;

export const ACCENT_LABELS: Record<Accent, string> = { indian: 'Indian English', uk: 'UK English', usa: 'US English' };
export const STYLE_LABELS: Record<CommunicationStyle, string> = { formal: 'Formal', casual: 'Casual', consultative: 'Consultative' };
export const PROVIDER_LABELS: Record<VoiceProvider, string> = { vapi: 'VAPI', '11labs': 'ElevenLabs', playht: 'PlayHT', azure: 'Azure', openai: 'OpenAI', deepgram: 'Deepgram', cartesia: 'Cartesia' };

/** What a variable stands for, shown beside its chip. */
export const VARIABLE_HINTS: Record<(typeof SCRIPT_VARIABLES)[number], string> = {
  'lead.contact_person': 'the lead’s full name',
  'lead.first_name': 'the lead’s first name',
  'lead.location': 'where the lead is looking',
  'lead.property_name': 'the property the lead asked about',
  'lead.price_range': 'the lead’s budget as given',
  'property.name': 'the best-matching property',
  'property.location': 'its location',
  'property.type': 'apartment, villa…',
  'property.price': 'its price, spoken',
  'campaign.name': 'the campaign',
  'persona.name': 'this persona’s name',
  'company.name': 'your company',
};

export const LIMITS = { name: 80, voiceId: 100, trait: 40, traits: 10, marketKnowledge: 4000, firstMessage: 600, scriptTemplate: 20_000, trigger: 200, triggerMin: 2, triggers: 20 } as const;
export const REGION_PATTERN = /^[a-z][a-z -]{1,39}$/;

const VARIABLE = /{{\s*([^{}]*?)\s*}}/g;

/** The server's check of a first message or script (services/campaign/src/domain/script-template.ts), worded the same. */
export function templateProblems(template: string): string[] {
  const known = new Set<string>(SCRIPT_VARIABLES);
  const problems = [...template.matchAll(VARIABLE)].map((m) => m[1]!).filter((name) => !known.has(name)).map((name) => `unknown variable {{${name}}}`);
  if (/{{|}}/.test(template.replace(VARIABLE, ''))) problems.push('has unpaired {{ or }}');
  return [...new Set(problems)];
}

/** `{{variable}}` put where the caret is (replacing a selection); the caret lands after it. */
export function insertVariable(text: string, start: number | null, end: number | null, variable: string): { text: string; caret: number } {
  const token = `{{${variable}}}`;
  const from = Math.max(0, Math.min(start ?? text.length, text.length));
  const to = Math.max(from, Math.min(end ?? from, text.length));
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length };
}

/** The region as the server stores it: trimmed, lower case. */
export function normalizeRegion(region: string): string {
  return region.trim().toLowerCase();
}

/** "mumbai" → "Mumbai", "navi mumbai" → "Navi Mumbai". */
export function regionLabel(region: string): string {
  return region.replace(/(^|[\s-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** The form's value. Lists are edited as chips. */
export interface PersonaForm {
  name: string;
  region: string;
  accent: Accent;
  communicationStyle: CommunicationStyle;
  voiceProvider: VoiceProvider;
  voiceId: string;
  personalityTraits: string[];
  marketKnowledge: string;
  firstMessage: string;
  scriptTemplate: string;
  escalationTriggers: string[];
  active: boolean;
}

export const EMPTY_PERSONA: PersonaForm = {
  name: '',
  region: '',
  accent: 'indian',
  communicationStyle: 'consultative',
  voiceProvider: 'vapi',
  voiceId: '',
  personalityTraits: [],
  marketKnowledge: '',
  firstMessage: 'Hello {{lead.first_name}}, this is {{persona.name}} from {{company.name}}.',
  scriptTemplate: '',
  escalationTriggers: [],
  active: true,
};

export function personaToForm(p: Persona): PersonaForm {
  return {
    name: p.name,
    region: regionLabel(p.region),
    accent: p.accent,
    communicationStyle: p.communicationStyle,
    voiceProvider: (VOICE_PROVIDERS as readonly string[]).includes(p.voiceProvider) ? (p.voiceProvider as VoiceProvider) : 'vapi',
    voiceId: p.voiceId,
    personalityTraits: [...p.personalityTraits],
    marketKnowledge: p.marketKnowledge ?? '',
    firstMessage: p.firstMessage,
    scriptTemplate: p.scriptTemplate,
    escalationTriggers: [...p.escalationTriggers],
    active: p.active,
  };
}

/** The body the server takes: trimmed, the region lower case, empty market knowledge as null. */
export function formToWritable(f: PersonaForm): PersonaWritable {
  return {
    name: f.name.trim(),
    region: normalizeRegion(f.region),
    accent: f.accent,
    communicationStyle: f.communicationStyle,
    voiceProvider: f.voiceProvider,
    voiceId: f.voiceId.trim(),
    personalityTraits: f.personalityTraits.map((t) => t.trim()).filter(Boolean),
    marketKnowledge: f.marketKnowledge.trim() || null,
    firstMessage: f.firstMessage.trim(),
    scriptTemplate: f.scriptTemplate.trim(),
    escalationTriggers: f.escalationTriggers.map((t) => t.trim()).filter(Boolean),
    active: f.active,
  };
}

export type PersonaShow = 'active' | 'inactive' | 'all';

export function filterPersonas(items: readonly Persona[], show: PersonaShow, search = ''): Persona[] {
  const q = search.trim().toLowerCase();
  return items
    .filter((p) => show === 'all' || p.active === (show === 'active'))
    .filter((p) => !q || `${p.name} ${p.region}`.toLowerCase().includes(q))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
}

/** Campaigns (not archived) that call with a persona: while any does, it cannot be deleted, only deactivated. */
export function campaignsUsing(personaId: string, campaigns: readonly { name: string; status: string; personas: readonly { personaId: string }[] }[]): string[] {
  return campaigns.filter((c) => c.status !== 'archived' && c.personas.some((v) => v.personaId === personaId)).map((c) => c.name);
}
