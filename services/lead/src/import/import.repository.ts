import type { ImportCounts, ImportRowIssue, LeadImport } from '@soraaya/contracts';
import type { EntityManager } from 'typeorm';

export interface ImportRow {
  id: string;
  tenant_id: string;
  file_name: string;
  object_name: string;
  status: LeadImport['status'];
  region: string;
  explicit_mapping: Record<string, string>;
  mapping: Record<string, string>;
  total_bytes: number;
  bytes_read: number;
  checkpoint_row: number;
  rows_read: number;
  created: number;
  merged: number;
  unchanged: number;
  rejected: number;
  warnings: number;
  error: string | null;
  created_by: string;
  correlation_id: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export function countsOf(r: Pick<ImportRow, 'rows_read' | 'created' | 'merged' | 'unchanged' | 'rejected' | 'warnings'>): ImportCounts {
  return { rowsRead: r.rows_read, created: r.created, merged: r.merged, unchanged: r.unchanged, rejected: r.rejected, warnings: r.warnings };
}

export async function findImport(tx: EntityManager, tenantId: string, id: string, forUpdate = false): Promise<ImportRow | null> {
  const rows: ImportRow[] = await tx.query(`select * from lead.imports where tenant_id = $1 and id = $2 ${forUpdate ? 'for update' : ''}`, [tenantId, id]);
  return rows[0] ?? null;
}

export async function importIssues(tx: EntityManager, importId: string, offset: number, limit: number): Promise<{ issues: ImportRowIssue[]; total: number }> {
  const rows: { row_number: number; column_name: string | null; severity: 'error' | 'warning'; message: string }[] = await tx.query(
    `select row_number, column_name, severity, message from lead.import_issues where import_id = $1
      order by row_number, severity, column_name nulls first offset $2 limit $3`,
    [importId, offset, limit],
  );
  const total: { n: number }[] = await tx.query(`select count(*)::int as n from lead.import_issues where import_id = $1`, [importId]);
  return {
    issues: rows.map((r) => ({ row: r.row_number, column: r.column_name, severity: r.severity, message: r.message })),
    total: total[0]?.n ?? 0,
  };
}

export async function insertIssues(tx: EntityManager, tenantId: string, importId: string, issues: ImportRowIssue[]): Promise<void> {
  if (!issues.length) return;
  await tx.query(
    `insert into lead.import_issues (import_id, tenant_id, row_number, column_name, severity, message)
     select $1, $2, * from unnest($3::int[], $4::text[], $5::text[], $6::text[])`,
    [importId, tenantId, issues.map((i) => i.row), issues.map((i) => i.column), issues.map((i) => i.severity), issues.map((i) => i.message)],
  );
}

export function toLeadImport(r: ImportRow, issues: ImportRowIssue[], issuesTotal: number): LeadImport {
  return {
    id: r.id,
    fileName: r.file_name,
    status: r.status,
    totalBytes: r.total_bytes,
    bytesRead: r.bytes_read,
    counts: countsOf(r),
    mapping: r.mapping,
    error: r.error,
    issues,
    issuesTotal,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
