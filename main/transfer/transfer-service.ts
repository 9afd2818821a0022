import { stat } from 'node:fs/promises';
import path from 'node:path';
import type {
  ExportOptions,
  ExportScope,
  ExportStarted,
  FileRef,
  ImportPreview,
  ImportRecord,
  ImportScan,
  ImportSettings,
  ImportStarted,
  SavedFile,
} from '../../shared/domain/csv-transfer.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { CsvScanJobInput } from '../csv/scan.worker.ts';
import type { CsvScanResult } from '../csv/scan.ts';
import type { CsvExportJobInput } from '../csv/export.worker.ts';
import { exportQueryToCsv, type CsvExportResult } from '../csv/export-query.ts';
import type { EventBus } from '../ipc/event-bus.ts';
import type { JobOutcome } from '../jobs/job-runner.ts';
import { workerUrl } from '../jobs/worker-url.ts';
import type { ServiceContext } from '../services/context.ts';
import { createImportRepository } from '../store/repositories/import-repository.ts';
import { headerSignature, suggestMapping } from '../import/header-map.ts';
import type { ImportJobData, ImportJobOutput } from '../import/import.worker.ts';
import type { ResolvedSettings } from '../import/import-setup.ts';
import { runImport } from '../import/run-import.ts';
import { runPreview } from '../import/run-preview.ts';
import { createImportUndo } from '../import/undo-import.ts';
import { exportSelect, exportFileName } from './export-scope.ts';
import { createFileRegistry, type FileRegistry } from './file-registry.ts';
import { createJobRegistry } from './job-registry.ts';
import { writeRejectedCsv } from './rejected-csv.ts';

/**
 * CSV export and import for IPC, the harness and the CLI. The heavy work runs in worker threads
 * (export, scan, preview, import); this service picks the files (through the injected chooser, or
 * the work folder for downloads), keeps the jobs and the import history, and undoes imports.
 */

/** The OS dialogs, injected: Electron passes its dialog; the harness has none (uploads, downloads); tests pass their own. */
export interface FileChooser {
  /** The open dialog; the chosen path, or null when the seller closed it. */
  openImportFile(): Promise<string | null>;
  /** The save dialog with a suggested file name; the chosen path, or null. */
  saveFile(suggestedName: string): Promise<string | null>;
}

export interface TransferServiceOptions {
  dbPath: string;
  events?: EventBus;
  chooser?: FileChooser;
  files?: FileRegistry;
  /**
   * Marks imports left 'running' by a closed app as interrupted (default true). The CLI passes
   * false: the app may be running an import on the same file at that moment.
   */
  recoverInterrupted?: boolean;
}

const WORKERS = {
  export: () => workerUrl('export-worker.cjs', new URL('../csv/export.worker.ts', import.meta.url)),
  scan: () => workerUrl('scan-worker.cjs', new URL('../csv/scan.worker.ts', import.meta.url)),
  import: () => workerUrl('import-worker.cjs', new URL('../import/import.worker.ts', import.meta.url)),
};

interface ScanFacts {
  header: string[];
  delimiter: ResolvedSettings['delimiter'];
  encoding: ResolvedSettings['encoding'];
  records: number;
}

export function createTransferService(ctx: ServiceContext, options: TransferServiceOptions) {
  const { db, now } = ctx;
  const { dbPath, chooser } = options;
  // An in-memory DB (tests) cannot be opened by a worker: its jobs run in this thread.
  const inMemory = dbPath === ':memory:' || dbPath === '';
  const files = options.files ?? createFileRegistry();
  const jobs = createJobRegistry(options.events);
  const imports = createImportRepository(db);
  const undo = createImportUndo(ctx, imports);
  const scans = new Map<string, ScanFacts>();
  if (options.recoverInterrupted ?? true) {
    imports.failRunning(now(), 'Voronka was closed while this import ran. The rows written before that stay, and can be undone.');
  }

  function importFile(fileId: string) {
    const file = files.get(fileId, 'import');
    if (!file) throw new DomainError('not_found', 'That file is no longer available: choose it again.');
    return file;
  }

  function settled<R>(outcome: JobOutcome<R>, what: string): R {
    if (outcome.status === 'done') return outcome.value;
    if (outcome.status === 'cancelled') throw new DomainError('conflict', `The ${what} was cancelled.`);
    throw new DomainError('invalid_input', outcome.message);
  }

  async function scan(fileId: string, delimiter: ScanFacts['delimiter'] | null, encoding: ScanFacts['encoding'] | null): Promise<{ facts: ScanFacts; result: CsvScanResult }> {
    const file = importFile(fileId);
    const input: CsvScanJobInput = { path: file.path, ...(delimiter ? { delimiter } : {}), ...(encoding ? { encoding } : {}) };
    const { outcome } = jobs.start<CsvScanJobInput, CsvScanResult>({ kind: 'import-scan', worker: WORKERS.scan(), input });
    const result = settled(await outcome, 'reading of the file');
    if (result.header === null) throw new DomainError('invalid_input', `${file.name} is empty: there is nothing to import.`);
    const facts = { header: result.header, delimiter: result.delimiter, encoding: result.encoding, records: result.records };
    scans.set(fileId, facts);
    return { facts, result };
  }

  /** The settings with the file's delimiter and encoding known, checked against its header. */
  async function resolve(settings: ImportSettings): Promise<{ resolved: ResolvedSettings; facts: ScanFacts }> {
    let facts = scans.get(settings.fileId);
    const changed = facts && ((settings.delimiter && settings.delimiter !== facts.delimiter) || (settings.encoding && settings.encoding !== facts.encoding));
    if (!facts || changed) facts = (await scan(settings.fileId, settings.delimiter, settings.encoding)).facts;
    if (settings.columns.length !== facts.header.length) {
      throw new DomainError('invalid_input', `The mapping has ${settings.columns.length} columns but the file has ${facts.header.length}: scan the file again.`);
    }
    if (!settings.columns.some((column) => column !== null)) throw new DomainError('invalid_input', 'Map at least one column to a field.');
    if (settings.defaultStageKey && !ctx.catalog.stages().some((stage) => stage.key === settings.defaultStageKey)) {
      throw new DomainError('invalid_input', `There is no stage "${settings.defaultStageKey}".`);
    }
    const { fileId: _fileId, delimiter: _delimiter, encoding: _encoding, ...rest } = settings;
    return { resolved: { ...rest, delimiter: facts.delimiter, encoding: facts.encoding }, facts };
  }

  /** Where a finished file goes: the path the save dialog gave, or the work folder as a download. */
  async function destination(suggestedName: string, target?: string): Promise<{ target: string; download: boolean } | null> {
    if (target) return { target, download: false };
    if (chooser) {
      const chosen = await chooser.saveFile(suggestedName);
      return chosen ? { target: chosen, download: false } : null;
    }
    return { target: files.workPath('.csv'), download: true };
  }

  function savedFile(target: string, fileName: string, download: boolean, rows: number, bytes: number): SavedFile {
    if (!download) return { fileName: path.basename(target), rows, bytes, location: target, downloadId: null };
    const registered = files.register({ kind: 'download', path: target, name: fileName, size: bytes, owned: true });
    return { fileName, rows, bytes, location: null, downloadId: registered.id };
  }

  return {
    files,

    async openImport(): Promise<FileRef | null> {
      if (!chooser) throw new DomainError('forbidden', 'Choosing a file this way works in the desktop app; in the browser, upload the file.');
      const chosen = await chooser.openImportFile();
      return chosen === null ? null : this.registerLocalFile(chosen);
    },

    /** A file the user named themselves (the CLI's argument, a dialog's answer). Never called with a path from the renderer. */
    async registerLocalFile(filePath: string): Promise<FileRef> {
      let size: number;
      try {
        const info = await stat(filePath);
        if (!info.isFile()) throw new Error('not a file');
        size = info.size;
      } catch {
        throw new DomainError('not_found', `Cannot read ${filePath}: it does not exist or is not a file.`);
      }
      const file = files.register({ kind: 'import', path: path.resolve(filePath), name: path.basename(filePath), size, owned: false });
      return { fileId: file.id, name: file.name, size };
    },

    /** `target` is for trusted callers only (the CLI); the app asks the chooser or makes a download. */
    async startExport(scope: ExportScope, exportOptions: ExportOptions, target?: string): Promise<ExportStarted | null> {
      const context = ctx.filterContext();
      const select = exportSelect(ctx, scope, context);
      const fileName = exportFileName(ctx, scope, now());
      const dest = await destination(fileName, target);
      if (dest === null) return null;
      const input: CsvExportJobInput = { dbPath, target: dest.target, ...select, delimiter: exportOptions.delimiter, bom: exportOptions.bom };
      const { jobId } = jobs.start<CsvExportJobInput, CsvExportResult>({
        kind: 'export',
        worker: WORKERS.export(),
        input,
        ...(inMemory ? { inProcess: (control) => exportQueryToCsv(db, input, { progress: (d, t) => control.progress(d, t, 'writing'), checkCancelled: control.throwIfCancelled }) } : {}),
        toResult: (value) => savedFile(value.target, fileName, dest.download, value.rows, value.bytes),
      });
      return { jobId, fileName: dest.download ? fileName : path.basename(dest.target) };
    },

    async scan(fileId: string, delimiter: ScanFacts['delimiter'] | null, encoding: ScanFacts['encoding'] | null): Promise<ImportScan> {
      const file = importFile(fileId);
      const { facts, result } = await scan(fileId, delimiter, encoding);
      const remembered = imports.mapping(headerSignature(facts.header));
      return {
        file: { fileId, name: file.name, size: file.size },
        encoding: result.encoding,
        bom: result.bom,
        delimiter: result.delimiter,
        delimiterConfident: result.delimiterConfident,
        header: facts.header,
        sample: result.sample,
        records: result.records,
        problems: result.problems.map(({ line, message }) => ({ line, message })),
        problemCount: result.problemCount,
        suggested: suggestMapping(facts.header),
        remembered: remembered && remembered.length === facts.header.length ? remembered : null,
      };
    },

    async preview(settings: ImportSettings, limit: number): Promise<ImportPreview> {
      const { resolved, facts } = await resolve(settings);
      const file = importFile(settings.fileId);
      const job = { mode: 'preview' as const, path: file.path, settings: resolved, limit, at: now(), expectedRecords: facts.records };
      const { outcome } = jobs.start<ImportJobData, ImportJobOutput>({
        kind: 'import-preview',
        worker: WORKERS.import(),
        input: { dbPath, job },
        ...(inMemory ? { inProcess: (control) => runPreview(db, job, control) } : {}),
      });
      return settled(await outcome, 'preview') as ImportPreview;
    },

    async startImport(settings: ImportSettings): Promise<ImportStarted> {
      if (jobs.running('import')) throw new DomainError('conflict', 'Another import is still running. Wait for it to finish or cancel it.');
      const { resolved, facts } = await resolve(settings);
      const file = importFile(settings.fileId);
      const at = now();
      const importId = imports.start(file.name, facts.header, resolved, resolved.onDuplicate, ctx.team.currentMemberId(), at);
      imports.saveMapping(headerSignature(facts.header), resolved.columns, at);
      const job = { mode: 'import' as const, importId, path: file.path, settings: resolved, at, expectedRecords: facts.records };
      const { jobId } = jobs.start<ImportJobData, ImportJobOutput>({
        kind: 'import',
        worker: WORKERS.import(),
        input: { dbPath, job },
        ...(inMemory ? { inProcess: (control) => runImport(db, job, control) } : {}),
        // A worker that crashed or was stopped never said how it ended: the history must not say "running" for ever.
        onSettled: (outcome) => {
          if (outcome.status !== 'done') imports.finish(importId, outcome.status, now(), outcome.status === 'failed' ? outcome.message : null);
        },
        toResult: () => imports.get(importId) ?? null,
        resultIfNotDone: () => imports.get(importId) ?? null,
      });
      return { jobId, importId };
    },

    listImports: (): ImportRecord[] => imports.list(),

    undoImport(importId: number): ImportRecord {
      if (jobs.running('import')) throw new DomainError('conflict', 'An import is running: wait for it to finish (or cancel it) before undoing one.');
      return undo(importId, now());
    },

    async rejectedCsv(importId: number, delimiter: ',' | ';'): Promise<SavedFile | null> {
      const record = imports.get(importId);
      if (!record) throw new DomainError('not_found', `There is no import ${importId}.`);
      if (record.counts.rejected === 0) throw new DomainError('not_found', 'That import rejected no rows: there is nothing to save.');
      const base = record.fileName.replace(/\.(csv|tsv|txt)$/i, '');
      const fileName = `${base}-rejected.csv`;
      const dest = await destination(fileName);
      if (dest === null) return null;
      const written = await writeRejectedCsv(db, imports, importId, dest.target, delimiter);
      return savedFile(dest.target, fileName, dest.download, written.rows, written.bytes);
    },

    /** The first rejected rows of an import with their reasons (the CLI's summary). */
    rejectedRows(importId: number, limit: number): { line: number; error: string }[] {
      return imports.rejects(importId, 0, limit).map(({ line, error }) => ({ line, error }));
    },

    jobStatus: jobs.status,
    cancelJob: jobs.cancel,
    waitForJob: jobs.wait,

    async close(): Promise<void> {
      await jobs.cancelAll();
      files.close();
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
