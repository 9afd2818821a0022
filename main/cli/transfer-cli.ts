import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IMPORT_FIELD_KEYS, type ColumnMapping, type DuplicatePolicy, type ExportScope, type ImportField, type ImportRecord, type ImportSettings, type SavedFile } from '../../shared/domain/csv-transfer.ts';
import { ATTRIBUTE_KEYS, type AttributeKey } from '../../shared/domain/lead-attributes.ts';
import type { LeadFilter } from '../../shared/domain/filter.ts';
import type { AppEvent } from '../../shared/ipc/events.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { EventBus } from '../ipc/event-bus.ts';
import { normalizeHeader } from '../import/header-map.ts';
import type { TransferService } from '../transfer/transfer-service.ts';

/**
 * `export leads ...` and `import FILE ...` of the CLI: the same transfer service, workers and
 * checks as the app. Progress goes to stderr, the summary to stdout.
 */

export class TransferUsageError extends Error {}

export interface TransferIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface ExportCliOptions {
  out?: string;
  delimiter?: string;
  columns?: string;
  noBom?: boolean;
  filter?: LeadFilter;
}

export interface ImportCliOptions {
  map?: string;
  onDuplicate?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** Progress lines on stderr, one per tenth of the way (a terminal or a log, not a flood). */
function reportProgress(events: EventBus, io: TransferIo, verb: string): () => void {
  let lastTenth = -1;
  return events.subscribe((event: AppEvent) => {
    if (event.name !== 'job.progress' || event.payload.kind === 'import-scan') return;
    const { done, total } = event.payload;
    if (!total) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    io.err(`${verb} ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows...`);
  });
}

export async function runExportCommand(what: string | undefined, options: ExportCliOptions, transfer: TransferService, events: EventBus, io: TransferIo): Promise<number> {
  if (what !== 'leads') throw new TransferUsageError('export takes one thing to export: leads.');
  if (!options.out) throw new TransferUsageError('export leads needs --out FILE.');
  const delimiter = options.delimiter ?? ',';
  if (delimiter !== ',' && delimiter !== ';') throw new TransferUsageError("--delimiter is ',' or ';'.");
  let scope: ExportScope = options.filter ? { kind: 'all', filter: options.filter } : { kind: 'all' };
  if (options.columns !== undefined) {
    const keys = options.columns.split(',').map((key) => key.trim()).filter(Boolean);
    const unknown = keys.filter((key) => !(ATTRIBUTE_KEYS as readonly string[]).includes(key));
    if (keys.length === 0 || unknown.length > 0) {
      throw new TransferUsageError(`--columns takes attribute keys separated by commas${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}. Keys: ${ATTRIBUTE_KEYS.join(', ')}.`);
    }
    scope = { kind: 'table', filter: options.filter ?? { all: [] }, columns: keys as AttributeKey[], sort: [] };
  }
  const target = path.resolve(options.out);
  const stop = reportProgress(events, io, 'Exported');
  try {
    const started = await transfer.startExport(scope, { delimiter, bom: !options.noBom }, target);
    const outcome = await transfer.waitForJob(started!.jobId);
    if (outcome.status !== 'done') {
      io.err(`Export failed: ${outcome.status === 'failed' ? outcome.message : 'it was cancelled'}. ${target} was not changed.`);
      return 1;
    }
    const saved = transfer.jobStatus(started!.jobId).result as SavedFile;
    io.out(`Exported ${saved.rows} ${saved.rows === 1 ? 'lead' : 'leads'} to ${target} (${formatSize(saved.bytes)}).`);
    return 0;
  } finally {
    stop();
  }
}

export async function runImportCommand(file: string | undefined, options: ImportCliOptions, transfer: TransferService, events: EventBus, io: TransferIo): Promise<number> {
  if (!file) throw new TransferUsageError('import takes the FILE to import.');
  const policy = (options.onDuplicate ?? 'skip') as DuplicatePolicy;
  if (!['skip', 'update', 'create'].includes(policy)) throw new TransferUsageError('--on-duplicate is skip, update or create.');
  const mapFile = options.map && options.map !== 'auto' ? readMapFile(options.map) : null;

  let ref;
  let scan;
  try {
    ref = await transfer.registerLocalFile(file);
    scan = await transfer.scan(ref.fileId, null, null);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    io.err(`Nothing was imported: ${error.message}`);
    return 1;
  }
  const columns = mapFile ? columnsFromMapFile(scan.header, mapFile) : (scan.remembered ?? scan.suggested);
  const settings: ImportSettings = {
    fileId: ref.fileId,
    delimiter: null,
    encoding: null,
    columns,
    onDuplicate: policy,
    valueMapping: { stage: [], owner: [] },
    defaultStageKey: null,
  };
  const mapping = Object.fromEntries(scan.header.map((name, i) => [name, columns[i] ?? null]));
  const format = { file: path.resolve(file), encoding: scan.encoding, delimiter: scan.delimiter, records: scan.records, mapping };
  if (scan.records === 0) {
    io.err(`Nothing was imported: ${ref.name} has a header and no rows.`);
    return 1;
  }
  if (!columns.some(Boolean)) {
    io.err(`Nothing was imported: no column of ${ref.name} matches a lead field. Map them with --map MAPFILE (see --help).`);
    return 1;
  }

  const stop = reportProgress(events, io, options.dryRun ? 'Checked' : 'Imported');
  try {
    if (options.dryRun) {
      const preview = await transfer.preview(settings, 1);
      const c = preview.counts;
      if (options.json) io.out(JSON.stringify({ ...format, dryRun: true, counts: c, errors: preview.errorSummary, unknownValues: preview.unknownValues }, null, 2));
      else {
        io.out(`Dry run, nothing written. Read ${c.read} rows: would create ${c.created}, update ${c.updated}, skip ${c.skipped} duplicates, reject ${c.rejected}.`);
        for (const { message, count } of preview.errorSummary.slice(0, 10)) io.out(`  ${count} × ${message}`);
      }
      return 0;
    }
    const started = await transfer.startImport(settings);
    const outcome = await transfer.waitForJob(started.jobId);
    const record = transfer.listImports().find((entry) => entry.id === started.importId)!;
    const rejects = rejectedLines(transfer, record);
    if (options.json) io.out(JSON.stringify({ ...format, importId: record.id, status: record.status, message: record.message, counts: record.counts, rejected: rejects }, null, 2));
    else io.out(importSummary(record, rejects));
    if (outcome.status === 'failed') io.err(`The import stopped: ${outcome.message}`);
    return outcome.status === 'done' ? 0 : 1;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    io.err(`Nothing was imported: ${error.message}`);
    return 1;
  } finally {
    stop();
  }
}

function importSummary(record: ImportRecord, rejects: { line: number; error: string }[]): string {
  const c = record.counts;
  const lines = [
    `Import ${record.id} ${record.status === 'done' ? 'done' : record.status}. Read ${c.read} rows: imported ${c.created}, updated ${c.updated}, skipped ${c.skipped} duplicates, rejected ${c.rejected}.`,
    ...rejects.slice(0, 10).map((reject) => `  ${reject.error}`),
  ];
  if (c.rejected > 10) lines.push(`  ... and ${c.rejected - 10} more (the app's import history saves them all as a CSV).`);
  return lines.join('\n');
}

function rejectedLines(transfer: TransferService, record: ImportRecord): { line: number; error: string }[] {
  return record.counts.rejected === 0 ? [] : transfer.rejectedRows(record.id, 100);
}

/** MAPFILE: JSON {"CSV header": "field" | null}; headers it leaves out are not imported. */
function readMapFile(file: string): Record<string, ImportField | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TransferUsageError(`--map ${file}: ${(error as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new TransferUsageError(`--map ${file} must be a JSON object {"CSV header": "field"}.`);
  for (const [header, field] of Object.entries(raw)) {
    if (field !== null && !(IMPORT_FIELD_KEYS as readonly unknown[]).includes(field)) {
      throw new TransferUsageError(`--map: "${header}" maps to "${String(field)}", which is not a field. Fields: ${IMPORT_FIELD_KEYS.join(', ')}.`);
    }
  }
  return raw as Record<string, ImportField | null>;
}

function columnsFromMapFile(header: readonly string[], map: Record<string, ImportField | null>): ColumnMapping {
  const byName = new Map(Object.entries(map).map(([name, field]) => [normalizeHeader(name), field]));
  const known = new Set(header.map(normalizeHeader));
  const missing = Object.keys(map).filter((name) => !known.has(normalizeHeader(name)));
  if (missing.length > 0) throw new TransferUsageError(`--map names columns the file does not have: ${missing.join(', ')}. The file's columns: ${header.join(', ')}.`);
  const columns = header.map((name) => byName.get(normalizeHeader(name)) ?? null);
  const used = columns.filter(Boolean);
  if (new Set(used).size !== used.length) throw new TransferUsageError('--map maps two columns to the same field: keep one of them.');
  return columns;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
