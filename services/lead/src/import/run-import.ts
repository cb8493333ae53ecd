import {
  leadImportCompletedV1,
  leadImportProgressV1,
  type Actor,
  type ImportField,
  type ImportRowIssue,
} from '@soraaya/contracts';
import { enqueueEvent, queryRows, withTenant, type EventOrigin, type Logger } from '@soraaya/service-kit';
import { parse } from 'csv-parse';
import { Transform, type Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { mapHeaders } from '../domain/csv-header-mapping';
import { groupDuplicateRows, type ValidRow } from '../domain/import-dedup';
import { validateImportRow } from '../domain/import-row';
import type { LeadMetrics } from '../metrics/lead.metrics';
import { applyImportBatch } from './apply-import-batch';
import type { ImportFileStore } from './import-file-store';
import { countsOf, findImport, insertIssues, type ImportRow } from './import.repository';

export interface ImportRunnerDeps {
  ds: DataSource;
  files: ImportFileStore;
  logger: Logger;
  batchSize?: number;
  /** Test seam: runs after each batch commits. Throwing here is a crash between batches. */
  afterBatchCommit?: (importId: string, rowsCommitted: number) => void | Promise<void>;
  metrics?: LeadMetrics;
}

/** An import that cannot go on (bad file, missing columns); the job ends as `failed` with this message. */
export class ImportFailure extends Error {}

interface Batch {
  valid: ValidRow[];
  issues: ImportRowIssue[];
  rowsRead: number;
  rejected: number;
  warnings: number;
  lastRow: number;
  bytesRead: number;
}

const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Streams an uploaded CSV into leads, batch by batch. Each batch commits its
 * leads, its row issues, its counters and its checkpoint in one transaction,
 * so a crash at any point resumes after the last committed row: no row is lost,
 * none is applied twice. Parsing of the next batch overlaps the write of the
 * previous one.
 */
export async function runImport(deps: ImportRunnerDeps, tenantId: string, importId: string, origin: EventOrigin, working: () => void): Promise<void> {
  const job = await withTenant(deps.ds, tenantId, async (tx) => {
    const row = await findImport(tx, tenantId, importId, true);
    if (!row) return null;
    if (row.status === 'queued') await tx.query(`update lead.imports set status = 'running', started_at = now() where id = $1`, [importId]);
    return row;
  });
  if (!job) throw new Error(`import ${importId} does not exist`);
  if (job.status === 'completed' || job.status === 'failed') return; // a redelivered work item for a finished job
  const log = deps.logger.child({ importId, correlationId: origin.correlationId });
  log.info({ resumeAfterRow: job.checkpoint_row }, 'import started');

  try {
    const file = await deps.files.open(job.object_name);
    if (!file) throw new ImportFailure(`The uploaded file "${job.file_name}" is no longer stored; upload it again`);
    await streamRows(deps, job, file, origin, working);
    await finish(deps, job, origin, null);
    log.info('import completed');
  } catch (err) {
    if (!(err instanceof ImportFailure)) throw err; // infrastructure trouble: redelivery resumes from the checkpoint
    log.warn({ reason: err.message }, 'import failed');
    await finish(deps, job, origin, err.message);
  }
}

/** Marks the job failed for good (called when its work item is about to be dead-lettered). */
export async function failImport(deps: ImportRunnerDeps, tenantId: string, importId: string, origin: EventOrigin, reason: string): Promise<void> {
  const job = await withTenant(deps.ds, tenantId, (tx) => findImport(tx, tenantId, importId));
  if (job && job.status !== 'completed' && job.status !== 'failed') await finish(deps, job, origin, reason);
}

async function streamRows(deps: ImportRunnerDeps, job: ImportRow, file: Readable, origin: EventOrigin, working: () => void): Promise<void> {
  const batchSize = deps.batchSize ?? 2000;
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (bytesRead === 0 && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        cb(new ImportFailure('The file is UTF-16 encoded; save it as "CSV UTF-8" and upload again'));
        return;
      }
      bytesRead += chunk.length;
      cb(null, chunk);
    },
  });
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES });
  file.on('error', (err) => counter.destroy(err));
  counter.on('error', (err) => parser.destroy(err));
  file.pipe(counter).pipe(parser);

  const actor: Actor = { type: 'user', id: job.created_by };
  let headers: string[] | null = null;
  let mapping: Partial<Record<ImportField, string>> = {};
  let row = 0;
  let batch = emptyBatch();
  let pending: Promise<void> = Promise.resolve();
  const flush = async (b: Batch) => {
    await pending;
    pending = writeBatch(deps, job, b, actor, origin)
      .then(() => deps.afterBatchCommit?.(job.id, b.lastRow))
      .then(working);
    pending.catch(() => undefined); // surfaced by the next await of `pending`; not an unhandled rejection meanwhile
  };

  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!headers) {
        headers = record.map((h) => h.trim());
        const mapped = mapHeaders(headers, job.explicit_mapping as Partial<Record<ImportField, string>>);
        if (mapped.errors.length) throw new ImportFailure(`Cannot read the file's columns: ${mapped.errors.join('; ')}`);
        mapping = mapped.fields;
        await withTenant(deps.ds, job.tenant_id, (tx) => tx.query(`update lead.imports set mapping = $2 where id = $1`, [job.id, JSON.stringify(mapping)]));
        continue;
      }
      row += 1;
      if (row <= job.checkpoint_row) continue; // committed before a restart
      batch.rowsRead += 1;
      batch.lastRow = row;
      if (record.length > headers.length && record.slice(headers.length).some((v) => v.trim() !== '')) {
        batch.rejected += 1;
        batch.issues.push({ row, column: null, severity: 'error', message: `has ${record.length} values but the header has ${headers.length} columns (an unquoted comma?)` });
      } else {
        const values: Record<string, string> = {};
        headers.forEach((h, i) => (values[h] = record[i] ?? ''));
        const result = validateImportRow(values, row, mapping, job.region);
        batch.issues.push(...result.issues);
        if (result.ok) {
          batch.valid.push({ row, fields: result.fields!, status: result.status! });
          if (result.issues.length) batch.warnings += 1;
        } else {
          batch.rejected += 1;
        }
      }
      if (batch.rowsRead >= batchSize) {
        batch.bytesRead = bytesRead;
        await flush(batch);
        batch = emptyBatch();
      }
    }
  } catch (err) {
    await pending.catch(() => undefined);
    if (err instanceof ImportFailure) throw err;
    const e = err as { code?: string; lines?: number; message: string };
    if (e.code?.startsWith('CSV_') || e.code === 'INVALID_OPENING_QUOTE') {
      throw new ImportFailure(`The file is not valid CSV near line ${e.lines ?? '?'} (${e.message}); rows before it were imported`);
    }
    throw err;
  }
  if (!headers) throw new ImportFailure('The file is empty');
  batch.bytesRead = bytesRead;
  await flush(batch);
  await pending;
}

function emptyBatch(): Batch {
  return { valid: [], issues: [], rowsRead: 0, rejected: 0, warnings: 0, lastRow: 0, bytesRead: 0 };
}

async function writeBatch(deps: ImportRunnerDeps, job: ImportRow, batch: Batch, actor: Actor, origin: EventOrigin): Promise<void> {
  if (batch.rowsRead === 0) return;
  const outcome = await withTenant(deps.ds, job.tenant_id, async (tx) => {
    // A batch's rows, issues, counters and checkpoint commit together, so if a crash
    // loses an unflushed commit the worker simply redoes that batch from the older
    // checkpoint. Not waiting for the WAL flush per batch is therefore safe, and it
    // saves an fsync per batch. The final status change (in finish) stays synchronous.
    await tx.query('set local synchronous_commit = off');
    const outcome = await applyImportBatch(tx, { tenantId: job.tenant_id, importId: job.id, fileName: job.file_name, actor }, groupDuplicateRows(batch.valid));
    await insertIssues(tx, job.tenant_id, job.id, batch.issues);
    const rows = await queryRows<ImportRow>(
      tx,
      `update lead.imports set rows_read = rows_read + $2, created = created + $3, merged = merged + $4, unchanged = unchanged + $5,
              rejected = rejected + $6, warnings = warnings + $7, checkpoint_row = $8, bytes_read = greatest(bytes_read, $9)
        where id = $1 returning *`,
      [job.id, batch.rowsRead, outcome.created, outcome.merged, outcome.unchanged, batch.rejected, batch.warnings, batch.lastRow, batch.bytesRead],
    );
    const updated = rows[0]!;
    await enqueueEvent(tx, 'lead', leadImportProgressV1, origin, {
      importId: job.id,
      bytesRead: updated.bytes_read,
      totalBytes: updated.total_bytes,
      counts: countsOf(updated),
    });
    return outcome;
  });
  const m = deps.metrics?.importRows;
  if (m) {
    m.inc({ outcome: 'created' }, outcome.created);
    m.inc({ outcome: 'merged' }, outcome.merged);
    m.inc({ outcome: 'unchanged' }, outcome.unchanged);
    m.inc({ outcome: 'rejected' }, batch.rejected);
  }
}

async function finish(deps: ImportRunnerDeps, job: ImportRow, origin: EventOrigin, error: string | null): Promise<void> {
  const finished = await withTenant(deps.ds, job.tenant_id, async (tx) => {
    const rows = await queryRows<ImportRow>(
      tx,
      `update lead.imports set status = $2, error = $3, finished_at = now(), bytes_read = case when $2 = 'completed' then total_bytes else bytes_read end
        where id = $1 and status not in ('completed', 'failed') returning *`,
      [job.id, error ? 'failed' : 'completed', error],
    );
    if (!rows[0]) return false;
    await enqueueEvent(tx, 'lead', leadImportCompletedV1, origin, {
      importId: job.id,
      status: error ? 'failed' : 'completed',
      fileName: job.file_name,
      counts: countsOf(rows[0]),
      error,
    });
    return true;
  });
  if (finished) deps.metrics?.imports.inc({ result: error ? 'failed' : 'completed' });
}
