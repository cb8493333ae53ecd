import type { CAMPAIGN_TYPES as ContractTypes, FINANCING_STATUSES as ContractFinancing, LEAD_PRIORITIES as ContractPriorities, PURCHASE_TIMELINES as ContractTimelines, WEEKDAYS as ContractWeekdays } from '@soraaya/contracts';
import { parseInr, priceText } from '../properties/properties-view';

/**
 * The campaign wizard's rules as plain functions, mirroring `campaignWritableSchema`
 * (libs/contracts/src/campaign/campaign.model.ts) step by step, so Next never
 * passes a step the server would refuse. No Angular here: jest runs the spec as plain TypeScript.
 */
export const CAMPAIGN_TYPES = ['outbound', 'follow_up', 're_engagement'] as const satisfies typeof ContractTypes;
export const PRIORITIES = ['high', 'medium', 'low'] as const satisfies typeof ContractPriorities;
export const PURCHASE_TIMELINES = ['immediate', '3_months', '6_months', '1_year'] as const satisfies typeof ContractTimelines;
export const FINANCING_STATUSES = ['pre_approved', 'needs_financing', 'cash_buyer'] as const satisfies typeof ContractFinancing;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies typeof ContractWeekdays;
export const STEPS = ['basics', 'criteria', 'properties', 'personas', 'pacing', 'review'] as const;
export type Step = (typeof STEPS)[number];
export const MAX_PERSONAS = 5;
export const MAX_PROPERTIES = 50;

export interface RetryDelays {
  noAnswer: number;
  busy: number;
  voicemail: number;
  failure: number;
}

export interface WizardForm {
  name: string;
  description: string;
  type: (typeof CAMPAIGN_TYPES)[number];
  priority: (typeof PRIORITIES)[number];
  startDate: string;
  endDate: string;
  budgetMin: string;
  budgetMax: string;
  purchaseTimelines: string[];
  propertyTypes: string[];
  locations: string[];
  requireDecisionMaker: boolean;
  financingStatuses: string[];
  customQuestions: string[];
  propertyIds: string[];
  personas: { personaId: string; weight: number }[];
  days: string[];
  windowStart: string;
  windowEnd: string;
  windowTimeZone: 'lead' | 'campaign';
  campaignTimeZone: string;
  maxAttempts: number;
  retryDelayMinutes: RetryDelays;
  maxConcurrentCalls: number;
}

export const EMPTY_WIZARD: WizardForm = {
  name: '',
  description: '',
  type: 'outbound',
  priority: 'medium',
  startDate: '',
  endDate: '',
  budgetMin: '',
  budgetMax: '',
  purchaseTimelines: [],
  propertyTypes: [],
  locations: [],
  requireDecisionMaker: false,
  financingStatuses: [],
  customQuestions: [],
  propertyIds: [],
  personas: [],
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  windowStart: '09:00',
  windowEnd: '20:00',
  windowTimeZone: 'lead',
  campaignTimeZone: 'Asia/Kolkata',
  maxAttempts: 3,
  retryDelayMinutes: { noAnswer: 240, busy: 60, voicemail: 1440, failure: 30 },
  maxConcurrentCalls: 5,
};

/** Which step holds a form field (and so a server issue's path). */
const FIELD_STEP: Record<string, Step> = {
  name: 'basics',
  description: 'basics',
  type: 'basics',
  priority: 'basics',
  startDate: 'basics',
  endDate: 'basics',
  qualificationCriteria: 'criteria',
  budgetMin: 'criteria',
  budgetMax: 'criteria',
  budgetMinInr: 'criteria',
  budgetMaxInr: 'criteria',
  purchaseTimelines: 'criteria',
  propertyTypes: 'criteria',
  locations: 'criteria',
  requireDecisionMaker: 'criteria',
  financingStatuses: 'criteria',
  customQuestions: 'criteria',
  propertyIds: 'properties',
  personas: 'personas',
  callingPolicy: 'pacing',
  days: 'pacing',
  windowStart: 'pacing',
  windowEnd: 'pacing',
  windowTimeZone: 'pacing',
  campaignTimeZone: 'pacing',
  maxAttempts: 'pacing',
  retryDelayMinutes: 'pacing',
  maxConcurrentCalls: 'pacing',
};
const FORM_FIELD: Record<string, string> = { budgetMinInr: 'budgetMin', budgetMaxInr: 'budgetMax' };

/**
 * Where a server issue belongs: "body.qualificationCriteria.budgetMinInr" → criteria step, field budgetMin;
 * "body.callingPolicy.retryDelayMinutes.busy" → pacing, retryDelayMinutes. Null when no field of the wizard.
 */
export function issueTarget(path: string): { step: Step; field: string } | null {
  const segments = path.split('.').filter((s) => s !== 'body' && s !== 'changes' && !/^\d+$/.test(s));
  let found: { step: Step; field: string } | null = null;
  for (const s of segments) {
    const step = FIELD_STEP[s];
    if (!step) break;
    found = { step, field: FORM_FIELD[s] ?? s };
  }
  return found;
}

/** The server's 400 `details.issues` grouped by step and field (duck-typed HttpErrorResponse). */
export function issuesByStep(err: unknown): { fields: Partial<Record<Step, Record<string, string>>>; other: string[]; firstStep: Step | null } | null {
  const status = (err as { status?: unknown } | null)?.status;
  if (status !== 400 && status !== 422) return null;
  const issues = ((err as { error?: unknown }).error as { error?: { details?: { issues?: { path?: unknown; message?: unknown }[] } } } | null)?.error?.details?.issues;
  if (!Array.isArray(issues) || !issues.length) return null;
  const out: { fields: Partial<Record<Step, Record<string, string>>>; other: string[]; firstStep: Step | null } = { fields: {}, other: [], firstStep: null };
  for (const issue of issues) {
    const message = typeof issue.message === 'string' ? issue.message : 'is not valid';
    const path = typeof issue.path === 'string' ? issue.path : '';
    const target = issueTarget(path);
    if (!target) {
      out.other.push(path && path !== '(root)' ? `${path}: ${message}` : message);
      continue;
    }
    const fields = (out.fields[target.step] ??= {});
    fields[target.field] = fields[target.field] ? `${fields[target.field]}; ${message}` : message;
    if (out.firstStep === null || STEPS.indexOf(target.step) < STEPS.indexOf(out.firstStep)) out.firstStep = target.step;
  }
  return out;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const int = (n: unknown, min: number, max: number): boolean => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

/** Field → why the step cannot pass; empty when Next may go on. */
export function stepProblems(step: Step, f: WizardForm): Record<string, string> {
  const p: Record<string, string> = {};
  switch (step) {
    case 'basics':
      if (!f.name.trim()) p['name'] = 'A name is required';
      else if (f.name.trim().length > 120) p['name'] = 'At most 120 characters';
      if (f.description.trim().length > 2000) p['description'] = 'At most 2000 characters';
      if (f.startDate && !ISO_DATE.test(f.startDate)) p['startDate'] = 'Not a date';
      if (f.endDate && !ISO_DATE.test(f.endDate)) p['endDate'] = 'Not a date';
      if (!p['startDate'] && !p['endDate'] && f.startDate && f.endDate && f.startDate > f.endDate) p['endDate'] = 'Ends before it starts';
      break;
    case 'criteria': {
      const min = f.budgetMin.trim() ? parseInr(f.budgetMin) : undefined;
      const max = f.budgetMax.trim() ? parseInr(f.budgetMax) : undefined;
      if (min === null || (min !== undefined && min > 1e13)) p['budgetMin'] = 'Not an amount: try 5 Cr or 80 L';
      if (max === null || (max !== undefined && max > 1e13)) p['budgetMax'] = 'Not an amount: try 5 Cr or 80 L';
      if (typeof min === 'number' && typeof max === 'number' && min > max) p['budgetMin'] = 'The minimum is above the maximum';
      if (f.locations.length > 30) p['locations'] = 'At most 30 locations';
      if (f.locations.some((l) => !l.trim() || l.trim().length > 120)) p['locations'] = 'Each location is 1–120 characters';
      if (f.customQuestions.length > 20) p['customQuestions'] = 'At most 20 questions';
      if (f.customQuestions.some((q) => q.trim().length < 3 || q.trim().length > 300)) p['customQuestions'] = 'Each question is 3–300 characters';
      break;
    }
    case 'properties':
      if (f.propertyIds.length > MAX_PROPERTIES) p['propertyIds'] = `At most ${MAX_PROPERTIES} properties`;
      if (new Set(f.propertyIds).size !== f.propertyIds.length) p['propertyIds'] = 'A property is listed twice';
      break;
    case 'personas':
      if (f.personas.length > MAX_PERSONAS) p['personas'] = `At most ${MAX_PERSONAS} personas`;
      else if (new Set(f.personas.map((v) => v.personaId)).size !== f.personas.length) p['personas'] = 'A persona is listed twice';
      else if (f.personas.some((v) => !int(v.weight, 1, 100))) p['personas'] = 'Each weight is a whole number from 1 to 100';
      break;
    case 'pacing':
      if (!f.days.length) p['days'] = 'Pick at least one day';
      if (!HHMM.test(f.windowStart)) p['windowStart'] = 'HH:MM, 24-hour';
      if (!HHMM.test(f.windowEnd)) p['windowEnd'] = 'HH:MM, 24-hour';
      if (!p['windowStart'] && !p['windowEnd'] && f.windowStart >= f.windowEnd) p['windowEnd'] = 'The window must end after it starts';
      if (f.windowTimeZone === 'campaign' && !f.campaignTimeZone.trim()) p['campaignTimeZone'] = 'A time zone is required';
      if (!int(f.maxAttempts, 1, 20)) p['maxAttempts'] = 'From 1 to 20';
      if (!int(f.maxConcurrentCalls, 1, 200)) p['maxConcurrentCalls'] = 'From 1 to 200';
      for (const k of Object.keys(f.retryDelayMinutes) as (keyof RetryDelays)[]) {
        if (!int(f.retryDelayMinutes[k], 5, 10_080)) p[`retry.${k}`] = 'From 5 minutes to 7 days';
      }
      break;
    case 'review':
      break;
  }
  return p;
}

/** The first step that cannot pass, or null when the whole wizard is valid. */
export function firstInvalidStep(f: WizardForm): Step | null {
  return STEPS.find((s) => Object.keys(stepProblems(s, f)).length > 0) ?? null;
}

/** Each persona's share of calls in whole percent (largest remainder, so they add up to 100). */
export function weightShares(variants: readonly { weight: number }[]): number[] {
  const total = variants.reduce((s, v) => s + Math.max(0, v.weight || 0), 0);
  if (!total) return variants.map(() => 0);
  const exact = variants.map((v) => (Math.max(0, v.weight || 0) * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left--;
  }
  return floors;
}

/** Moves an item of an ordered list up (-1) or down (+1); the list unchanged at its ends. */
export function moveItem<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

const opt = <T>(list: T[]): T[] | undefined => (list.length ? list : undefined);

/** The body of POST /campaigns (or the changes of PUT); null while some step is invalid. */
export function formToWritable(f: WizardForm): Record<string, unknown> | null {
  if (firstInvalidStep(f)) return null;
  const min = f.budgetMin.trim() ? parseInr(f.budgetMin) : null;
  const max = f.budgetMax.trim() ? parseInr(f.budgetMax) : null;
  const criteria = {
    budgetMinInr: min ?? undefined,
    budgetMaxInr: max ?? undefined,
    purchaseTimelines: opt(f.purchaseTimelines),
    propertyTypes: opt(f.propertyTypes),
    locations: opt(f.locations.map((l) => l.trim())),
    requireDecisionMaker: f.requireDecisionMaker || undefined,
    financingStatuses: opt(f.financingStatuses),
    customQuestions: opt(f.customQuestions.map((q) => q.trim())),
  };
  return {
    name: f.name.trim(),
    description: f.description.trim() || null,
    type: f.type,
    priority: f.priority,
    startDate: f.startDate || null,
    endDate: f.endDate || null,
    qualificationCriteria: Object.fromEntries(Object.entries(criteria).filter(([, v]) => v !== undefined)),
    callingPolicy: {
      days: WEEKDAYS.filter((d) => f.days.includes(d)),
      windowStart: f.windowStart,
      windowEnd: f.windowEnd,
      windowTimeZone: f.windowTimeZone,
      campaignTimeZone: f.campaignTimeZone.trim() || 'Asia/Kolkata',
      maxAttempts: f.maxAttempts,
      retryDelayMinutes: { ...f.retryDelayMinutes },
      maxConcurrentCalls: f.maxConcurrentCalls,
    },
    personas: f.personas.map((v) => ({ personaId: v.personaId, weight: v.weight })),
    propertyIds: [...f.propertyIds],
  };
}

/** The fields of a campaign (as the API returns it) the wizard edits. */
export interface CampaignShape {
  name: string;
  description: string | null;
  type: string;
  priority: string;
  startDate: string | null;
  endDate: string | null;
  qualificationCriteria: Record<string, unknown>;
  callingPolicy: Record<string, unknown>;
  personas: { personaId: string; weight: number }[];
  propertyIds: string[];
}

/** A campaign (as the API returns it) back into the wizard, for Edit. */
export function campaignToForm(c: CampaignShape): WizardForm {
  const q = c.qualificationCriteria as Partial<{ budgetMinInr: number; budgetMaxInr: number; purchaseTimelines: string[]; propertyTypes: string[]; locations: string[]; requireDecisionMaker: boolean; financingStatuses: string[]; customQuestions: string[] }>;
  const p = { ...EMPTY_WIZARD, ...(c.callingPolicy as Partial<WizardForm>) };
  return {
    ...EMPTY_WIZARD,
    name: c.name,
    description: c.description ?? '',
    type: c.type as WizardForm['type'],
    priority: c.priority as WizardForm['priority'],
    startDate: c.startDate ?? '',
    endDate: c.endDate ?? '',
    budgetMin: q.budgetMinInr !== undefined ? priceText(q.budgetMinInr) : '',
    budgetMax: q.budgetMaxInr !== undefined ? priceText(q.budgetMaxInr) : '',
    purchaseTimelines: q.purchaseTimelines ?? [],
    propertyTypes: q.propertyTypes ?? [],
    locations: q.locations ?? [],
    requireDecisionMaker: q.requireDecisionMaker ?? false,
    financingStatuses: q.financingStatuses ?? [],
    customQuestions: q.customQuestions ?? [],
    propertyIds: [...c.propertyIds],
    personas: c.personas.map((v) => ({ ...v })),
    days: p.days,
    windowStart: p.windowStart,
    windowEnd: p.windowEnd,
    windowTimeZone: p.windowTimeZone,
    campaignTimeZone: p.campaignTimeZone,
    maxAttempts: p.maxAttempts,
    retryDelayMinutes: { ...EMPTY_WIZARD.retryDelayMinutes, ...p.retryDelayMinutes },
    maxConcurrentCalls: p.maxConcurrentCalls,
  };
}

const words = (s: string): string => s.replace(/_/g, ' ');
const DAY_NAMES: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };
const TIMELINES: Record<string, string> = { immediate: 'immediately', '3_months': 'within 3 months', '6_months': 'within 6 months', '1_year': 'within a year' };

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function minutes(m: number): string {
  if (m % 1440 === 0) return m === 1440 ? '1 day' : `${m / 1440} days`;
  if (m % 60 === 0) return m === 60 ? '1 hour' : `${m / 60} hours`;
  return `${m} minutes`;
}

/** Days as a reader says them: "Mon to Sat", "Mon, Wed and Fri", "every day". */
export function daysText(days: readonly string[]): string {
  const idx = WEEKDAYS.map((d, i) => (days.includes(d) ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 7) return 'every day';
  if (idx.length >= 3 && idx[idx.length - 1]! - idx[0]! === idx.length - 1) return `${DAY_NAMES[WEEKDAYS[idx[0]!]]} to ${DAY_NAMES[WEEKDAYS[idx[idx.length - 1]!]]}`;
  return list(idx.map((i) => DAY_NAMES[WEEKDAYS[i]!]!));
}

/** The review step: the whole campaign in sentences, grouped by step. */
export function reviewSentences(f: WizardForm, names: { property(id: string): string; persona(id: string): string }): Record<Exclude<Step, 'review'>, string[]> {
  const dates = f.startDate && f.endDate ? `It runs from ${f.startDate} to ${f.endDate}.` : f.startDate ? `It starts on ${f.startDate} with no end date.` : f.endDate ? `It ends on ${f.endDate}.` : 'It has no start or end date.';
  const basics = [`“${f.name.trim()}” is a ${f.priority}-priority ${words(f.type)} campaign.`, dates];
  if (f.description.trim()) basics.push(f.description.trim());

  const criteria: string[] = [];
  const min = f.budgetMin.trim() ? parseInr(f.budgetMin) : null;
  const max = f.budgetMax.trim() ? parseInr(f.budgetMax) : null;
  if (min !== null && max !== null) criteria.push(`Budget between ₹${priceText(min)} and ₹${priceText(max)}.`);
  else if (min !== null) criteria.push(`Budget of at least ₹${priceText(min)}.`);
  else if (max !== null) criteria.push(`Budget of at most ₹${priceText(max)}.`);
  if (f.purchaseTimelines.length) criteria.push(`Buying ${list(f.purchaseTimelines.map((t) => TIMELINES[t] ?? words(t)))}.`);
  if (f.propertyTypes.length) criteria.push(`Looking for ${list(f.propertyTypes.map((t) => `${words(t)}s`))}.`);
  if (f.locations.length) criteria.push(`In ${list(f.locations)}.`);
  if (f.requireDecisionMaker) criteria.push('The person on the call must be the decision maker.');
  if (f.financingStatuses.length) criteria.push(`Financing: ${list(f.financingStatuses.map(words))}.`);
  if (f.customQuestions.length) criteria.push(`The agent also asks ${f.customQuestions.length === 1 ? 'one question' : `${f.customQuestions.length} questions`}: ${f.customQuestions.map((q) => `“${q.trim()}”`).join(' ')}`);
  if (!criteria.length) criteria.push('Any lead qualifies: no criteria set.');

  const properties = f.propertyIds.length
    ? [`The agent leads with ${names.property(f.propertyIds[0]!)}.`, ...(f.propertyIds.length > 1 ? [`Then offers ${list(f.propertyIds.slice(1).map((id) => names.property(id)))}.`] : [])]
    : ['No properties: the agent does not pitch a listing.'];

  const shares = weightShares(f.personas);
  const personas = f.personas.length
    ? f.personas.length === 1
      ? [`Every call uses ${names.persona(f.personas[0]!.personaId)}.`]
      : [`Calls are split ${list(f.personas.map((v, i) => `${shares[i]}% ${names.persona(v.personaId)}`))}.`]
    : ['No persona: calls use the default voice agent.'];

  const r = f.retryDelayMinutes;
  const pacing = [
    `Calls ${daysText(f.days)}, ${f.windowStart}–${f.windowEnd} in ${f.windowTimeZone === 'lead' ? "the lead's own time zone" : `the campaign's time zone (${f.campaignTimeZone})`}.`,
    `At most ${f.maxAttempts} ${f.maxAttempts === 1 ? 'attempt' : 'attempts'} per lead and ${f.maxConcurrentCalls} ${f.maxConcurrentCalls === 1 ? 'call' : 'calls'} at once.`,
    `Retries after ${minutes(r.noAnswer)} when unanswered, ${minutes(r.busy)} when busy, ${minutes(r.voicemail)} after voicemail and ${minutes(r.failure)} after a failure.`,
  ];
  return { basics, criteria, properties, personas, pacing };
}
