import type { ImportPreview, ImportRecord } from '../../shared/domain/csv-transfer.ts';
import { runJobWorker } from '../jobs/worker-protocol.ts';
import { openDatabase } from '../store/open-database.ts';
import { openWorkerConnection } from '../store/worker-connection.ts';
import { IMPORT_CACHE_KIB, runImport, type ImportRunInput } from './run-import.ts';
import { runPreview, type PreviewRunInput } from './run-preview.ts';

/**
 * Worker entry of the import and of its preview. The import writes through a connection of its
 * own (WAL: the app keeps reading; busy_timeout: a batch waits for the app's short writes rather
 * than failing); the preview reads through a read-only one and writes nothing.
 */

export type ImportJobInput = ({ mode: 'import' } & ImportRunInput) | ({ mode: 'preview' } & PreviewRunInput);
export type ImportJobOutput = ImportRecord | ImportPreview;

export interface ImportJobData {
  dbPath: string;
  job: ImportJobInput;
}

runJobWorker<ImportJobData, ImportJobOutput>(async ({ dbPath, job: input }, job) => {
  const control = { progress: job.progress, throwIfCancelled: () => job.throwIfCancelled() };
  if (input.mode === 'import') {
    const db = openDatabase(dbPath);
    try {
      // This connection writes the import only. A batch inserts into every index of leads at
      // random places: a larger page cache keeps more of them (measured: 100,000 rows into a DB of
      // a million leads, 36 s with SQLite's default, 33 s with this; TEMP in memory, a later
      // checkpoint: no gain). Durability is the app's: WAL, synchronous NORMAL.
      db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
      return await runImport(db, input, control);
    } finally {
      db.close();
    }
  }
  const db = openWorkerConnection(dbPath, { readonly: true });
  try {
    return await runPreview(db, input, control);
  } finally {
    db.close();
  }
});
