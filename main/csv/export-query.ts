import type { Database } from 'better-sqlite3';
import { createAtomicFile, removeStaleTempFiles } from './atomic-file.ts';
import { createCsvWriter, type CsvCell, type CsvWriterOptions } from './writer.ts';

/**
 * Writes the rows of one SELECT to a CSV file: counted first (for progress), then read row by
 * row in raw (array) mode, formatted in batches and written to an atomic file. Memory holds one
 * batch. The caller's `checkCancelled` throws to stop; any throw removes the temp file and
 * leaves an existing target as it was.
 *
 * The statement stays open across the awaits of the file writes, so `db` must be a connection
 * of its own (the export worker's): any other query on it meanwhile would fail as "busy".
 * `query.sql` is one SELECT without a trailing semicolon (it is also wrapped to count rows).
 */

export interface CsvExportQuery {
  /** A SELECT whose result columns match `columns`, in order. */
  sql: string;
  params?: readonly unknown[];
}

export interface CsvExportRequest extends CsvWriterOptions {
  query: CsvExportQuery;
  /** The file to create or replace. */
  target: string;
}

export interface CsvExportControl {
  progress?(done: number, total: number): void;
  /** Throws to cancel (a worker's `throwIfCancelled`, a signal's `throwIfAborted`). */
  checkCancelled?(): void;
  /** Rows per batch: between two batches the export yields, checks cancel and reports progress. */
  batchRows?: number;
}

export interface CsvExportResult {
  target: string;
  rows: number;
  bytes: number;
}

const DEFAULT_BATCH_ROWS = 2000;

export async function exportQueryToCsv(db: Database, request: CsvExportRequest, control: CsvExportControl = {}): Promise<CsvExportResult> {
  const writer = createCsvWriter(request);
  const params = request.query.params ?? [];
  const batchRows = control.batchRows ?? DEFAULT_BATCH_ROWS;
  const select = db.prepare(request.query.sql).raw(true);
  if (select.columns().length !== request.columns.length) {
    throw new Error(`The export query returns ${select.columns().length} columns but ${request.columns.length} are described`);
  }
  const total = (db.prepare(`SELECT count(*) FROM (${request.query.sql})`).pluck().get(...params) as number) ?? 0;

  await removeStaleTempFiles(request.target);
  const file = await createAtomicFile(request.target);
  let rows = 0;
  try {
    control.checkCancelled?.();
    control.progress?.(0, total);
    await file.write(writer.start());
    let batch = '';
    let inBatch = 0;
    for (const values of select.iterate(...params) as IterableIterator<CsvCell[]>) {
      batch += writer.row(values);
      rows++;
      if (++inBatch < batchRows) continue;
      await file.write(batch);
      batch = '';
      inBatch = 0;
      control.checkCancelled?.();
      control.progress?.(rows, total);
    }
    if (batch) await file.write(batch);
    control.checkCancelled?.();
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
  control.progress?.(rows, Math.max(rows, total));
  return { target: file.target, rows, bytes: file.bytesWritten };
}
