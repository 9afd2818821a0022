import { runJobWorker } from '../jobs/worker-protocol.ts';
import { openWorkerConnection } from '../store/worker-connection.ts';
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
  const db = openWorkerConnection(dbPath, { readonly: true });
  try {
    return await exportQueryToCsv(db, request, {
      progress: (done, total) => job.progress(done, total, 'writing'),
      checkCancelled: () => job.throwIfCancelled(),
    });
  } finally {
    db.close();
  }
});
