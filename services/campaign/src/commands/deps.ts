import type { RequestMeta } from '@soraaya/contracts';
import type { EventOrigin, RpcClient } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';

export interface CampaignDeps {
  ds: DataSource;
  /** To the lead service: resolving filters and marking leads with their campaign. */
  rpc: RpcClient;
}

export const origin = (meta: RequestMeta): EventOrigin => ({ tenantId: meta.tenantId, correlationId: meta.correlationId });

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return (e.code ?? e.driverError?.code) === '23505';
}
