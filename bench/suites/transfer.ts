import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { allFieldsExportSelect } from '../../main/export/export-sql.ts';
import { createEventBus } from '../../main/ipc/event-bus.ts';
import { measureEventLoopStall } from '../../main/jobs/event-loop-stall.ts';
import { createServices, type Services } from '../../main/services/index.ts';
import { openDatabase } from '../../main/store/open-database.ts';
import type { Measurement } from '../lib/results.ts';
import { summarize, timeMs } from '../lib/stats.ts';
import { BENCH_NOW } from '../lib/datasets.ts';
import { IMPORT_CACHE_KIB } from '../../main/import/run-import.ts';
import { leadsSchema, sqliteCopyIntoIndexedLeads, sqliteCsvExport, sqliteCsvImport } from '../lib/sqlite-cli.ts';
import type { SuiteContext } from './suite.ts';

interface Watched {
  ms: number;
  stallMs: number;
  /** Growth of the process's resident memory over the job, sampled every 25 ms. */
  peakRssMiB: number;
}

/** Runs a job while watching the host's event loop (it must stay free) and the process's memory. */
async function watch(job: () => Promise<void>): Promise<Watched> {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const stall = measureEventLoopStall();
  const ms = await timeMs(job);
  clearInterval(sampler);
  return { ms, stallMs: stall.stop().maxMs, peakRssMiB: (peak - baseline) / 1024 / 1024 };
}

function open(dbPath: string): { services: Services; close(): Promise<void> } {
  const db = openDatabase(dbPath);
  const services = createServices(db, { dbPath, version: 'bench', now: () => BENCH_NOW, rescoreOnOpen: false, events: createEventBus(), recoverImports: false });
  return {
    services,
    async close() {
      await services.transfer.close();
      await services.reports.close();
      db.close();
    },
  };
}

/**
 * Export every lead with every field (the round-trip export) through the transfer service and its
 * worker, against `sqlite3 -csv` running the very same SELECT on the same file; then import that
 * file into an empty DB (with the same team, so owners resolve) against `sqlite3 .import` of the
 * same file into a table of as many columns. Meanwhile the host's event loop and memory are watched.
 */
export async function transferSuite({ leads, tempDir, dataset }: SuiteContext): Promise<Measurement[]> {
  const source = dataset(leads);
  const ours = path.join(tempDir, `export-${leads}.csv`);
  const reference = path.join(tempDir, `reference-${leads}.csv`);
  const exporting = open(source);
  let exported: Watched;
  let columns: number;
  try {
    const { services } = exporting;
    exported = await watch(async () => {
      const started = await services.transfer.startExport({ kind: 'all' }, { delimiter: ',', bom: true }, ours);
      const outcome = await services.transfer.waitForJob(started!.jobId);
      if (outcome.status !== 'done') throw new Error(`export ${outcome.status}`);
    });
    const select = allFieldsExportSelect(undefined, { currentMemberId: null, now: BENCH_NOW });
    if ((select.query.params ?? []).length > 0) throw new Error('the reference export needs a SELECT without parameters');
    columns = select.columns.length;
    const sqliteExportMs = await timeMs(() => sqliteCsvExport(source, select.query.sql, reference));
    rmSync(reference, { force: true });

    const target = path.join(tempDir, `import-${leads}.db`);
    const empty = new Database(target);
    empty.close();
    const importing = open(target);
    let imported: Watched;
    let importedRows = 0;
    try {
      const db = new Database(target);
      db.prepare('ATTACH DATABASE ? AS source').run(source);
      db.exec('INSERT INTO main.team_members SELECT * FROM source.team_members');
      db.close();
      const transfer = importing.services.transfer;
      imported = await watch(async () => {
        const file = await transfer.registerLocalFile(ours);
        const scan = await transfer.scan(file.fileId, null, null);
        const started = await transfer.startImport({
          fileId: file.fileId, delimiter: null, encoding: null, columns: scan.suggested, onDuplicate: 'create',
          valueMapping: { stage: [], owner: [] }, defaultStageKey: null,
        });
        const outcome = await transfer.waitForJob(started.jobId);
        if (outcome.status !== 'done') throw new Error(`import ${outcome.status}: ${'message' in outcome ? outcome.message : ''}`);
      });
      importedRows = (importing.services.catalog.info().leadCount);
    } finally {
      await importing.close();
    }
    const referenceDb = path.join(tempDir, `reference-import-${leads}.db`);
    const sqliteImportMs = await timeMs(() => sqliteCsvImport(referenceDb, ours, columns));
    rmSync(ours, { force: true });
    const schema = leadsSchema(source);
    const floorDb = path.join(tempDir, `floor-${leads}.db`);
    const floorMs = await timeMs(() => sqliteCopyIntoIndexedLeads(source, floorDb, schema, IMPORT_CACHE_KIB));

    const once = (value: number) => summarize([value]);
    const note = `${importedRows.toLocaleString('en-US')} of ${leads.toLocaleString('en-US')} leads imported`;
    return [
      { suite: 'export', name: 'export all fields: ours / sqlite3 -csv', leads, unit: 'x', stat: 'ratio', value: exported.ms / sqliteExportMs, summary: once(exported.ms), target: 2, reference: { name: 'sqlite3 -csv', value: sqliteExportMs } },
      { suite: 'import', name: 'import that file: ours / sqlite3 .import', leads, unit: 'x', stat: 'ratio', value: imported.ms / sqliteImportMs, summary: once(imported.ms), target: 2, reference: { name: 'sqlite3 .import', value: sqliteImportMs }, note },
      {
        suite: 'import',
        name: `import floor: sqlite3 copying those leads into our leads table, ${schema.length - 1} indexes / .import`,
        leads, unit: 'x', stat: 'ratio', value: floorMs / sqliteImportMs, summary: once(floorMs), reference: { name: 'sqlite3 .import', value: sqliteImportMs },
      },
      { suite: 'responsive', name: 'longest main-loop stall during export', leads, unit: 'ms', stat: 'max', value: exported.stallMs, summary: once(exported.stallMs), target: 50 },
      { suite: 'responsive', name: 'longest main-loop stall during import', leads, unit: 'ms', stat: 'max', value: imported.stallMs, summary: once(imported.stallMs), target: 50 },
      { suite: 'memory', name: 'peak RSS growth during export', leads, unit: 'MiB', stat: 'peak', value: exported.peakRssMiB, summary: once(exported.peakRssMiB) },
      { suite: 'memory', name: 'peak RSS growth during import', leads, unit: 'MiB', stat: 'peak', value: imported.peakRssMiB, summary: once(imported.peakRssMiB) },
    ];
  } finally {
    await exporting.close();
  }
}
