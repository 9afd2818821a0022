import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { threadId as hostThreadId } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsvExportJobInput } from '../../../main/csv/export.worker.ts';
import type { CsvExportResult } from '../../../main/csv/export-query.ts';
import { openCsvFile } from '../../../main/csv/reader.ts';
import { createJobRunner, type JobProgress } from '../../../main/jobs/job-runner.ts';
import { makeTempDir, type TempDir } from '../csv/csv-test-support.ts';

const EXPORT_WORKER = new URL('../../../main/csv/export.worker.ts', import.meta.url);
const ROWS = 50_000;

let tmp: TempDir;
let dbPath: string;
let writer: Database.Database;
beforeAll(() => {
  tmp = makeTempDir('voronka-export-job-');
  dbPath = tmp.file('voronka.db');
  writer = new Database(dbPath);
  writer.pragma('journal_mode = WAL');
  writer.exec('CREATE TABLE leads (id INTEGER PRIMARY KEY, name TEXT, note TEXT, value_minor INTEGER)');
  const insert = writer.prepare('INSERT INTO leads (name, note, value_minor) VALUES (?, ?, ?)');
  writer.transaction(() => {
    for (let i = 1; i <= ROWS; i++) insert.run(`Анна ${i}`, i % 7 === 0 ? `=cmd ${i}, "x"\r\nmore` : `note ${i}`, -i);
  })();
});
afterAll(() => {
  writer.close();
  tmp.remove();
});

function input(target: string): CsvExportJobInput {
  return {
    dbPath,
    target,
    query: { sql: 'SELECT id, name, note, value_minor FROM leads ORDER BY id' },
    columns: [{ header: 'id', type: 'number' }, { header: 'name' }, { header: 'note' }, { header: 'value', type: 'number' }],
  };
}

describe('CSV export as a job', () => {
  it('runs in a worker with its own read-only connection while the host keeps writing', async () => {
    const runner = createJobRunner();
    const target = tmp.file('leads.csv');
    const seen: JobProgress[] = [];
    const handle = runner.start<CsvExportJobInput, CsvExportResult>({ kind: 'export', worker: EXPORT_WORKER, input: input(target), exclusive: true, onProgress: (p) => seen.push(p) });
    expect(handle.threadId).not.toBe(hostThreadId);
    // The host writes while the worker reads its snapshot (WAL).
    writer.prepare("INSERT INTO leads (name, note, value_minor) VALUES ('written during the export', '', 0)").run();
    const outcome = await handle.outcome;
    expect(outcome).toMatchObject({ status: 'done', value: { target, rows: expect.any(Number) } });
    if (outcome.status !== 'done') return;
    expect([ROWS, ROWS + 1]).toContain(outcome.value.rows);

    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    expect(seen.every((p) => p.phase === 'writing')).toBe(true);
    expect(seen.at(-1)!.done).toBe(outcome.value.rows);

    const reader = await openCsvFile(target);
    let count = 0;
    let seventh: string[] | null = null;
    for await (const record of reader.records()) {
      expect(record.problem).toBeNull();
      if (record.index === 7) seventh = record.fields;
      count++;
    }
    expect(count).toBe(outcome.value.rows + 1);
    expect(seventh).toEqual(['7', 'Анна 7', '=cmd 7, "x"\r\nmore', '-7']);
    expect(readFileSync(target, 'utf8')).toContain(`'=cmd 7`);
  });

  it('cancelled mid-way, leaves neither the file nor a temp file', async () => {
    const runner = createJobRunner();
    const target = tmp.file('cancelled.csv');
    let handle: ReturnType<typeof runner.start<CsvExportJobInput, CsvExportResult>> | null = null;
    handle = runner.start<CsvExportJobInput, CsvExportResult>({
      kind: 'export',
      worker: EXPORT_WORKER,
      input: input(target),
      // The first report comes before the first batch: the worker sees the flag a batch later.
      onProgress: () => handle?.cancel(),
    });
    expect(await handle.outcome).toEqual({ status: 'cancelled' });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(tmp.dir).filter((name) => name.includes('cancelled'))).toEqual([]);
  });

  it('reports a missing database as a failure with its reason', async () => {
    const runner = createJobRunner();
    const handle = runner.start({ kind: 'export', worker: EXPORT_WORKER, input: { ...input(tmp.file('x.csv')), dbPath: tmp.file('missing.db') } });
    const outcome = await handle.outcome;
    expect(outcome.status).toBe('failed');
    expect(outcome).toMatchObject({ message: expect.stringMatching(/unable to open database file|does not exist/i) });
  });
});
