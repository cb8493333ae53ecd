import { leadImportRequestedV1, type LeadImport, type ParsedRequestOf, type RequestMeta, type startLeadImportV1 } from '@soraaya/contracts';
import { UnprocessableError, enqueueEvent, uuid7, withTenant } from '@soraaya/service-kit';
import { originOf, regionOf, type LeadDeps } from '../commands/command-context';
import type { ImportFileStore } from './import-file-store';
import { findImport, toLeadImport } from './import.repository';

/**
 * Accepts an import of an uploaded file: records the job and queues the work
 * item in the same transaction, and answers at once. The worker does the rest.
 */
export async function startImport(
  deps: LeadDeps & { files: ImportFileStore },
  meta: RequestMeta,
  input: ParsedRequestOf<typeof startLeadImportV1>,
): Promise<LeadImport> {
  const size = await deps.files.size(input.objectName);
  if (size === null) throw new UnprocessableError(`Uploaded file "${input.objectName}" was not found; upload it again`);
  const id = uuid7();
  return withTenant(deps.ds, meta.tenantId, async (tx) => {
    await tx.query(
      `insert into lead.imports (id, tenant_id, file_name, object_name, status, region, explicit_mapping, total_bytes, created_by, correlation_id)
       values ($1, $2, $3, $4, 'queued', $5, $6, $7, $8, $9)`,
      [id, meta.tenantId, input.fileName, input.objectName, regionOf(deps, meta), JSON.stringify(input.mapping ?? {}), size, meta.actor.id, meta.correlationId],
    );
    await enqueueEvent(tx, 'lead', leadImportRequestedV1, originOf(meta), { importId: id });
    return toLeadImport((await findImport(tx, meta.tenantId, id))!, [], 0);
  });
}
