import { stat } from 'node:fs/promises';
import type { CsvDelimiter, CsvEncoding, CsvNewline } from './detect.ts';
import { openCsvFile, type CsvReadOptions, type CsvRowProblem } from './reader.ts';

/**
 * One pass over a CSV file before an import: what the reader detected, the header, a few rows to
 * show, how many records there are and which lines cannot be trusted. It writes nothing, so an
 * import preview can run it in a worker and the seller decides before any row is stored.
 */

export interface CsvScanOptions extends CsvReadOptions {
  /** Records after the header to keep for a preview (default 20). */
  sampleRows?: number;
  /** Problems to keep with their lines (default 100); all of them are counted. */
  maxProblems?: number;
}

export interface CsvScanControl {
  /** Bytes read of the file's size. */
  progress?(doneBytes: number, totalBytes: number): void;
  /** Throws to cancel. */
  checkCancelled?(): void;
  /** Records between two progress reports and cancel checks. */
  batchRecords?: number;
}

export type CsvLineProblem = CsvRowProblem & { line: number };

export interface CsvScanResult {
  encoding: CsvEncoding;
  bom: boolean;
  delimiter: CsvDelimiter;
  delimiterConfident: boolean;
  newline: CsvNewline;
  /** The first record, or null for an empty file. */
  header: string[] | null;
  sample: { line: number; fields: string[] }[];
  /** Records after the header. */
  records: number;
  problems: CsvLineProblem[];
  problemCount: number;
}

export async function scanCsvFile(path: string, options: CsvScanOptions = {}, control: CsvScanControl = {}): Promise<CsvScanResult> {
  const sampleRows = options.sampleRows ?? 20;
  const maxProblems = options.maxProblems ?? 100;
  const batch = control.batchRecords ?? 5000;
  const totalBytes = (await stat(path)).size;
  const reader = await openCsvFile(path, options);
  let header: string[] | null = null;
  const sample: CsvScanResult['sample'] = [];
  const problems: CsvLineProblem[] = [];
  let problemCount = 0;
  let records = 0;
  try {
    control.progress?.(0, totalBytes);
    for await (const record of reader.records()) {
      if (record.problem) {
        problemCount++;
        if (problems.length < maxProblems) problems.push({ ...record.problem, line: record.line });
      }
      if (header === null) {
        header = record.fields;
        continue;
      }
      records++;
      if (sample.length < sampleRows) sample.push({ line: record.line, fields: record.fields });
      if (records % batch === 0) {
        control.checkCancelled?.();
        control.progress?.(reader.bytesRead, totalBytes);
      }
    }
  } finally {
    await reader.close();
  }
  control.progress?.(totalBytes, totalBytes);
  const { encoding, bom, delimiter, delimiterConfident, newline } = reader;
  return { encoding, bom, delimiter, delimiterConfident, newline, header, sample, records, problems, problemCount };
}
