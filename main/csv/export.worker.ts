import Database from 'better-sqlite3';
import { runJobWorker } from '../jobs/worker-protocol.ts';
import { preparePlanStable } from '../store/plan-stable-sql.ts';
import { registerSqlFunctions } from '../store/sql-functions.ts';
import { exportQueryToCsv, type CsvExportRequest, type CsvExportResult } from './export-query.ts';

/**
 * Worker entry of a CSV export: its own read-only connection to the DB file (WAL lets it read a
 * consistent snapshot while the main process keeps writing), the export, progress and cancel
 * through the job protocol. Started by the job runner with this file's path (or its bundle's).
 */

export interface CsvExportJobInput extends CsvExportRequest {
  dbPath: string;
}

runJobWorker<CsvExportJobInput, CsvExportResult>(async (input, job) => {
  const { dbPath, ...request } = input;
  const db = preparePlanStable(new Database(dbPath, { readonly: true, fileMustExist: true }));
  try {
    db.pragma('busy_timeout = 5000');
    // Filters translated for the table may call them ("contains" folds Cyrillic case with fold_case).
    registerSqlFunctions(db);
    return await exportQueryToCsv(db, request, {
      progress: (done, total) => job.progress(done, total, 'writing'),
      checkCancelled: () => job.throwIfCancelled(),
    });
  } finally {
    db.close();
  }
});
