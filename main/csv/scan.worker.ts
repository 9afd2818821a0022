import { runJobWorker } from '../jobs/worker-protocol.ts';
import { scanCsvFile, type CsvScanOptions, type CsvScanResult } from './scan.ts';

/** Worker entry of an import preview: scans the file off the main thread, with progress in bytes. */

export interface CsvScanJobInput extends Omit<CsvScanOptions, 'signal'> {
  path: string;
}

runJobWorker<CsvScanJobInput, CsvScanResult>((input, job) => {
  const { path, ...options } = input;
  return scanCsvFile(path, options, {
    progress: (done, total) => job.progress(done, total, 'reading'),
    checkCancelled: () => job.throwIfCancelled(),
  });
});
