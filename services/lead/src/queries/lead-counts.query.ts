import type { leadCountsV1, ParsedRequestOf, RequestMeta, ResponseOf } from '@soraaya/contracts';
import { withTenant } from '@soraaya/service-kit';
import type { LeadDeps } from '../commands/command-context';

/** Totals by status and priority from the counts read model: constant time whatever the number of leads. */
export async function leadCounts(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof leadCountsV1>): Promise<ResponseOf<typeof leadCountsV1>> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const rows: { status: string; priority: string; n: number }[] = await tx.query(
      `select status, priority, sum(n)::bigint as n from lead.lead_counts
        where tenant_id = $1 and ($2::uuid is null or campaign_key = $2::uuid) and n <> 0
        group by status, priority`,
      [meta.tenantId, input.campaignId ?? null],
    );
    const byStatus: Record<string, number> = {};
    const byPriority: Record<string, number> = {};
    let total = 0;
    for (const r of rows) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
      byPriority[r.priority] = (byPriority[r.priority] ?? 0) + r.n;
      total += r.n;
    }
    return { total, byStatus, byPriority };
  });
}
