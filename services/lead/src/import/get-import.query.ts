import type { getLeadImportV1, LeadImport, ParsedRequestOf, RequestMeta } from '@soraaya/contracts';
import { NotFoundError, withTenant } from '@soraaya/service-kit';
import type { LeadDeps } from '../commands/command-context';
import { findImport, importIssues, toLeadImport } from './import.repository';

export async function getImport(deps: LeadDeps, meta: RequestMeta, input: ParsedRequestOf<typeof getLeadImportV1>): Promise<LeadImport> {
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    const row = await findImport(tx, meta.tenantId, input.id);
    if (!row) throw new NotFoundError(`Import ${input.id} not found`);
    const { issues, total } = await importIssues(tx, row.id, input.issuesOffset, input.issuesLimit);
    return toLeadImport(row, issues, total);
  });
}
