import { changeLeadStatusV1, updateLeadV1, type CallAnalysis, type Lead, type LeadStatus, type LeadWritable, type RequestMeta } from '@soraaya/contracts';
import { AppError, type Logger, type RpcClient } from '@soraaya/service-kit';

/** The lead status each reading of a call leads to; a call with no conversation leaves the lead to the dialer. */
export const STATUS_FOR_OUTCOME: Record<CallAnalysis['outcome'], LeadStatus | null> = {
  qualified: 'qualified',
  not_interested: 'not_interested',
  follow_up: 'follow_up',
  callback_requested: 'callback_requested',
  human_input_needed: 'human_input_needed',
  no_conversation: null,
};

/** Thrown while the dialer has not yet moved the lead out of `calling`: the message is retried shortly. */
export class LeadNotReadyError extends Error {}

/** The qualification fields the call taught us, only where they add or change something. */
export function qualificationChanges(lead: Lead, a: CallAnalysis): Partial<LeadWritable> {
  const changes: Partial<LeadWritable> = {};
  if (a.budgetInr) {
    if (a.budgetInr.min !== null && a.budgetInr.min !== lead.budgetMinInr) changes.budgetMinInr = a.budgetInr.min;
    if (a.budgetInr.max !== null && a.budgetInr.max !== lead.budgetMaxInr) changes.budgetMaxInr = a.budgetInr.max;
  }
  if (a.timeline && a.timeline !== lead.purchaseTimeline) changes.purchaseTimeline = a.timeline;
  if (a.financing && a.financing !== lead.financingStatus) changes.financingStatus = a.financing;
  const role = a.decisionMaker === null ? null : a.decisionMaker ? 'decision maker (said on the call)' : 'not the decision maker (said on the call)';
  if (role && role !== lead.decisionMakerRole) changes.decisionMakerRole = role;
  if (a.propertyType && !lead.propertyType) changes.propertyType = a.propertyType;
  const prefs = lead.propertyPreferences ?? {};
  const union = (xs: string[] | undefined, ys: string[]) => [...new Set([...(xs ?? []), ...ys])];
  const next = {
    ...prefs,
    ...(a.propertyType ? { propertyTypes: union(prefs.propertyTypes, [a.propertyType]).slice(0, 10) } : {}),
    ...(a.locations.length ? { locations: union(prefs.locations, a.locations).slice(0, 20) } : {}),
    ...(a.amenities.length ? { amenities: union(prefs.amenities, a.amenities).slice(0, 30) } : {}),
  } as NonNullable<Lead['propertyPreferences']>;
  if (JSON.stringify(next) !== JSON.stringify(prefs)) changes.propertyPreferences = next;
  return changes;
}

/**
 * Moves the lead through the lead service's own commands: fields first (with
 * the version we read, retried once on a concurrent change), then the status.
 * A status a person set meanwhile is theirs: a refused move (409) leaves it.
 * Returns the status the lead was moved to, or null.
 */
export async function applyAnalysisToLead(rpc: RpcClient, meta: RequestMeta, lead: Lead, a: CallAnalysis, logger: Logger, reread: () => Promise<Lead>): Promise<LeadStatus | null> {
  let current = lead;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const changes = qualificationChanges(current, a);
    if (!Object.keys(changes).length) break;
    try {
      current = await rpc.request(updateLeadV1, meta, { id: current.id, version: current.version, changes });
      break;
    } catch (err) {
      if (!(err instanceof AppError && err.status === 409) || attempt === 3) throw err;
      current = await reread();
    }
  }
  const target = STATUS_FOR_OUTCOME[a.outcome];
  if (!target) return null;
  if (current.status === 'calling') throw new LeadNotReadyError(`lead ${current.id} is still calling`);
  if (current.status === target && !(target === 'callback_requested' && a.callbackAt)) return target;
  try {
    await rpc.request(changeLeadStatusV1, meta, { id: current.id, status: target, ...(target === 'callback_requested' && a.callbackAt ? { callbackAt: a.callbackAt } : {}) });
    return target;
  } catch (err) {
    if (err instanceof AppError && (err.status === 409 || err.status === 422)) {
      logger.info({ leadId: current.id, from: current.status, to: target, reason: err.message }, 'lead status left as a person set it');
      return null;
    }
    throw err;
  }
}
