import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CsvScanJobInput } from '../../../main/csv/scan.worker.ts';
import type { CsvScanResult } from '../../../main/csv/scan.ts';
import { createJobRunner } from '../../../main/jobs/job-runner.ts';
import { makeTempDir, type TempDir } from '../csv/csv-test-support.ts';

const SCAN_WORKER = new URL('../../../main/csv/scan.worker.ts', import.meta.url);

let tmp: TempDir;
beforeEach(() => {
  tmp = makeTempDir('voronka-scan-job-');
});
afterEach(() => tmp.remove());

describe('CSV import preview as a job', () => {
  it('reads the file in a worker and reports progress in bytes', async () => {
    const file = tmp.file('leads.tsv');
    writeFileSync(file, '\uFEFFname\tnote\r\n' + 'Пётр\t"много\r\nстрок"\r\n'.repeat(20_000));
    const runner = createJobRunner();
    const seen: number[] = [];
    const handle = runner.start<CsvScanJobInput, CsvScanResult>({ kind: 'import', worker: SCAN_WORKER, input: { path: file }, onProgress: (p) => seen.push(p.done) });
    const outcome = await handle.outcome;
    expect(outcome).toMatchObject({ status: 'done', value: { encoding: 'utf-8', bom: true, delimiter: '\t', header: ['name', 'note'], records: 20_000, problemCount: 0 } });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('fails with the reader\'s words for a file that is not CSV', async () => {
    const file = tmp.file('book.xlsx');
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const outcome = await createJobRunner().start({ kind: 'import', worker: SCAN_WORKER, input: { path: file } }).outcome;
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/^This is an Excel workbook .*CSV UTF-8/) });
  });
});
