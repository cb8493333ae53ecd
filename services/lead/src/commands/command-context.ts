import type { Lead, RequestMeta } from '@soraaya/contracts';
import { BadRequestError, type EventOrigin } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import type { FieldNote, LeadFields } from '../domain/lead-fields';
import { normalizePhone } from '../domain/phone-number';
import { scoreLead } from '../domain/lead-score';

export interface LeadDeps {
  ds: DataSource;
  /** Region for phones without a country code when the request does not name one. */
  defaultRegion: string;
}

export function regionOf(deps: LeadDeps, meta: RequestMeta): string {
  return meta.region ?? deps.defaultRegion;
}

/** A phone from a request as E.164 in the tenant's region; a number that cannot be one answers 400 naming `phone`. */
export function requestPhoneE164(deps: LeadDeps, meta: RequestMeta, phone: string): string {
  const result = normalizePhone(phone, regionOf(deps, meta));
  if (!result.ok) throw new BadRequestError(`phone: ${result.message}`, { issues: [{ path: 'phone', message: result.message }] });
  return result.e164;
}

export function originOf(meta: RequestMeta, causationId: string | null = null): EventOrigin {
  return { tenantId: meta.tenantId, correlationId: meta.correlationId, causationId };
}

/** People override the flow by hand; services and the system move leads automatically. */
export function moverOf(meta: RequestMeta): 'manual' | 'auto' {
  return meta.actor.type === 'user' ? 'manual' : 'auto';
}

/** Field errors from normalisation become one 400 naming each field. */
export function throwOnFieldErrors(notes: FieldNote[], prefix = ''): void {
  const errors = notes.filter((n) => n.severity === 'error');
  if (!errors.length) return;
  const issues = errors.map((e) => ({ path: `${prefix}${e.field}`, message: e.message }));
  throw new BadRequestError(`Invalid lead: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

type Scorable = Partial<Pick<LeadFields, 'budgetMinInr' | 'budgetMaxInr' | 'priceMinInr' | 'priceMaxInr' | 'purchaseTimeline' | 'financingStatus'>> & {
  leadSource: string;
  lastContactedAt?: string | null;
};

/** Score of a lead or of fields about to be stored; a field not given counts as unknown. */
export function scoreOf(lead: Scorable, now = new Date()): { score: number; scoreFactors: Lead['scoreFactors'] } {
  const { score, factors } = scoreLead(
    {
      budgetMinInr: lead.budgetMinInr ?? null,
      budgetMaxInr: lead.budgetMaxInr ?? null,
      priceMinInr: lead.priceMinInr ?? null,
      priceMaxInr: lead.priceMaxInr ?? null,
      purchaseTimeline: lead.purchaseTimeline ?? null,
      financingStatus: lead.financingStatus ?? null,
      lastContactedAt: lead.lastContactedAt ? new Date(lead.lastContactedAt) : null,
      leadSource: lead.leadSource,
    },
    now,
  );
  return { score, scoreFactors: factors };
}
