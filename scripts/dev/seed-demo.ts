import { createLeadV1, type RequestMeta } from '@soraaya/contracts';
import { AppError, type RpcClient } from '@soraaya/service-kit';
import { DEMO_LEADS } from './demo-leads';
import { DEMO_TENANT_ID } from './platform-services';

/**
 * Seeds the demo tenant through the services' own endpoints, so the data obeys
 * every rule a user's would. Safe to run again: leads already there are skipped.
 */
export async function seedDemo(rpc: RpcClient): Promise<{ created: number; existing: number }> {
  const meta: RequestMeta = { tenantId: DEMO_TENANT_ID, actor: { type: 'system', id: 'demo-seed', name: 'Demo seed' }, correlationId: 'demo-seed', region: 'IN' };
  let created = 0;
  let existing = 0;
  for (const lead of DEMO_LEADS) {
    try {
      await rpc.request(createLeadV1, meta, lead);
      created++;
    } catch (err) {
      if (err instanceof AppError && err.status === 409) existing++;
      else throw err;
    }
  }
  return { created, existing };
}
