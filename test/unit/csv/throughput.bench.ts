/**
 * Throughput of the CSV export and import foundation against the sqlite3 command line tool, on
 * a table of 30 columns (Cyrillic text, quotes, line breaks, formulas, phones, numbers, NULLs).
 *
 *   node --experimental-strip-types test/unit/csv/throughput.bench.ts [--rows 1000000] [--keep]
 *
 * Not a vitest file (it takes minutes at a million rows). The DB is cached in the temp folder per
 * row count. The target of issue #5: export and parse within 2x of `sqlite3 -csv` and
 * `sqlite3 .import`, with flat memory, and a host event loop that stays responsive while a
 * worker exports.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { exportQueryToCsv, type CsvExportRequest } from '../../../main/csv/export-query.ts';
import type { CsvExportJobInput } from '../../../main/csv/export.worker.ts';
import { openCsvFile } from '../../../main/csv/reader.ts';
import { measureEventLoopStall } from '../../../main/jobs/event-loop-stall.ts';
import { createJobRunner } from '../../../main/jobs/job-runner.ts';

const args = process.argv.slice(2);
const ROWS = Number(args[args.indexOf('--rows') + 1] || 0) || 1_000_000;
const KEEP = args.includes('--keep');
const SQLITE3 = '/usr/bin/sqlite3';
const COLUMNS = 30;
const dir = path.join(tmpdir(), 'voronka-csv-bench');
const dbPath = path.join(dir, `bench-${ROWS}.db`);

const NAMES = ['Анна Петрова', 'Пётр "Петя" Ёлкин', 'Ольга', 'John Smith', 'María José', "O'Brien", 'ООО «Ромашка»', 'Łukasz'];
const NOTES = [
  'Позвонить в понедельник, обсудить "скидку"',
  'line one\nline two',
  'a, b; c',
  '=SUM(A1)',
  '+7 915 123-45-67',
  '',
  'plain text',
  'Длинная заметка про клиента\r\nвторая строка',
];

function ensureDatabase(): void {
  if (existsSync(dbPath)) return;
  execFileSync('mkdir', ['-p', dir]);
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  const columns = Array.from({ length: COLUMNS }, (_, i) => `c${i} ${i % 5 === 0 ? 'INTEGER' : i % 7 === 0 ? 'REAL' : 'TEXT'}`);
  db.exec(`CREATE TABLE t (${columns.join(', ')})`);
  const insert = db.prepare(`INSERT INTO t VALUES (${columns.map(() => '?').join(',')})`);
  let seed = 1;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  db.transaction(() => {
    for (let r = 0; r < ROWS; r++) {
      const row: unknown[] = [];
      for (let i = 0; i < COLUMNS; i++) {
        if (i % 5 === 0) row.push(Math.floor(random() * 2e9) - 1e9);
        else if (i % 7 === 0) row.push(Math.round(random() * 1e6) / 100);
        else if (i === 29) row.push(null);
        else if (i % 3 === 0) row.push(NOTES[Math.floor(random() * NOTES.length)]);
        else row.push(`${NAMES[Math.floor(random() * NAMES.length)]} ${r}`);
      }
      insert.run(row);
    }
  })();
  db.close();
}

function request(target: string): CsvExportRequest {
  return {
    query: { sql: 'SELECT * FROM t' },
    columns: Array.from({ length: COLUMNS }, (_, i) => ({ header: `c${i}`, type: i % 5 === 0 || i % 7 === 0 ? 'number' : 'text' })),
    target,
  };
}

/** Peak resident memory while `run` runs (the whole process: host and workers). */
async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; peakRssMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = performance.now();
  try {
    const value = await run();
    return { ms: performance.now() - start, peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20), value };
  } finally {
    clearInterval(timer);
  }
}

const results: { what: string; seconds: number; rowsPerSecond: number; vsSqlite: string; peakRssMb: number | string }[] = [];
function record(what: string, ms: number, peakRssMb: number | string, baselineMs: number | null): void {
  results.push({
    what,
    seconds: Math.round(ms / 10) / 100,
    rowsPerSecond: Math.round(ROWS / (ms / 1000)),
    vsSqlite: baselineMs ? `${(ms / baselineMs).toFixed(2)}x` : '',
    peakRssMb,
  });
}

ensureDatabase();
const ourCsv = path.join(dir, `ours-${ROWS}.csv`);
const sqliteCsv = path.join(dir, `sqlite-${ROWS}.csv`);
const haveSqlite = existsSync(SQLITE3);

let sqliteExportMs: number | null = null;
if (haveSqlite) {
  const run = await timed(() => execFileSync('sh', ['-c', `${SQLITE3} -csv -header '${dbPath}' 'SELECT * FROM t' > '${sqliteCsv}'`]));
  sqliteExportMs = run.ms;
  record('export: sqlite3 -csv', run.ms, '(own process)', null);
}

// The worker first: the host-thread run leaves garbage whose collection would stall the host's loop.
const runner = createJobRunner();
const stall = measureEventLoopStall(10);
const inWorker = await timed(async () => {
  const handle = runner.start<CsvExportJobInput, unknown>({
    kind: 'export',
    worker: new URL('../../../main/csv/export.worker.ts', import.meta.url),
    input: { ...request(ourCsv), dbPath },
  });
  const outcome = await handle.outcome;
  if (outcome.status !== 'done') throw new Error(`export job: ${JSON.stringify(outcome)}`);
});
const loop = stall.stop();
record('export: job in a worker', inWorker.ms, inWorker.peakRssMb, sqliteExportMs);

const readOnly = new Database(dbPath, { readonly: true });
const inThread = await timed(() => exportQueryToCsv(readOnly, request(ourCsv)));
readOnly.close();
record('export: exportQueryToCsv (host thread)', inThread.ms, inThread.peakRssMb, sqliteExportMs);

let sqliteImportMs: number | null = null;
if (haveSqlite) {
  const importDb = path.join(dir, `import-${ROWS}.db`);
  rmSync(importDb, { force: true });
  const run = await timed(() => execFileSync(SQLITE3, [importDb, `.import --csv '${ourCsv}' t`]));
  sqliteImportMs = run.ms;
  record('import: sqlite3 .import (parse + insert)', run.ms, '(own process)', null);
  rmSync(importDb, { force: true });
}

const parse = await timed(async () => {
  const reader = await openCsvFile(ourCsv);
  let records = 0;
  let problems = 0;
  for await (const r of reader.records()) {
    records++;
    if (r.problem) problems++;
  }
  if (records !== ROWS + 1 || problems !== 0) throw new Error(`read ${records} records, ${problems} with problems`);
});
record('import: openCsvFile records (parse only)', parse.ms, parse.peakRssMb, sqliteImportMs);

console.log(`${ROWS} rows x ${COLUMNS} columns; our CSV ${Math.round(statSync(ourCsv).size / 2 ** 20)} MiB`);
console.table(results);
console.log(`host event loop while the worker exported: max ${loop.maxMs.toFixed(1)} ms, p99 ${loop.p99Ms.toFixed(1)} ms, mean ${loop.meanMs.toFixed(1)} ms`);
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
if (sqliteExportMs) console.log(`export in a worker within 2x of sqlite3 -csv: ${verdict(inWorker.ms <= 2 * sqliteExportMs)}`);
if (sqliteImportMs) console.log(`parse within 2x of sqlite3 .import: ${verdict(parse.ms <= 2 * sqliteImportMs)}`);
console.log(`host loop stall under 50 ms: ${verdict(loop.maxMs < 50)}`);
if (!KEEP) {
  rmSync(ourCsv, { force: true });
  rmSync(sqliteCsv, { force: true });
}
