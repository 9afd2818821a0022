import { writeFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { ImportPreview, ImportRecord, ImportScan, ImportSettings } from '../../../shared/domain/csv-transfer.ts';
import type { AppEvent } from '../../../shared/ipc/events.ts';
import { createEventBus } from '../../../main/ipc/event-bus.ts';
import { createHandlerTable } from '../../../main/ipc/handlers.ts';
import { createServices, type Services } from '../../../main/services/index.ts';
import { openDatabase } from '../../../main/store/open-database.ts';
import type { FileChooser } from '../../../main/transfer/transfer-service.ts';
import { leadTotals } from '../../support/lead-totals.ts';
import { createClock, makeTempDir, T0, type TempDir, type TestClock } from '../../support/services.ts';

/**
 * Real services over a DB file (so that exports and imports run in their worker threads, as in
 * the app), with a test clock, the event bus and an optional fake file chooser.
 */
export interface TransferTest extends Services {
  db: Database;
  dbPath: string;
  clock: TestClock;
  events: AppEvent[];
  handlers: ReturnType<typeof createHandlerTable>;
  close(): Promise<void>;
}

export function transferTest(tmp: TempDir, name: string, options: { chooser?: FileChooser; now?: number; dbPath?: string } = {}): TransferTest {
  const dbPath = options.dbPath ?? tmp.file(name);
  const db = openDatabase(dbPath);
  const clock = createClock(options.now ?? T0);
  const bus = createEventBus();
  const events: AppEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const services = createServices(db, { dbPath, version: 'test', now: clock.now, events: bus, ...(options.chooser ? { chooser: options.chooser } : {}) });
  const handlers = createHandlerTable(services, (error) => {
    throw error;
  });
  return {
    ...services,
    db,
    dbPath,
    clock,
    events,
    handlers,
    async close() {
      await services.transfer.close();
      db.close();
    },
  };
}

export { makeTempDir, type TempDir };

export function writeFile(tmp: TempDir, name: string, content: string | Uint8Array): string {
  const file = tmp.file(name);
  writeFileSync(file, content);
  return file;
}

/** The settings an import of `scan` would start with: the remembered mapping, else the suggested one. */
export function settingsFor(scan: ImportScan, overrides: Partial<ImportSettings> = {}): ImportSettings {
  return {
    fileId: scan.file.fileId,
    delimiter: null,
    encoding: null,
    columns: scan.remembered ?? scan.suggested,
    onDuplicate: 'skip',
    valueMapping: { stage: [], owner: [] },
    defaultStageKey: null,
    ...overrides,
  };
}

export async function scanFile(t: Services, path: string): Promise<ImportScan> {
  const ref = await t.transfer.registerLocalFile(path);
  return t.transfer.scan(ref.fileId, null, null);
}

export async function previewFile(t: Services, path: string, overrides: Partial<ImportSettings> = {}, limit = 50): Promise<ImportPreview> {
  const scan = await scanFile(t, path);
  return t.transfer.preview(settingsFor(scan, overrides), limit);
}

/** Scans, starts and waits for an import; returns its history entry. */
export async function importFile(t: Services, path: string, overrides: Partial<ImportSettings> = {}): Promise<ImportRecord> {
  const scan = await scanFile(t, path);
  const started = await t.transfer.startImport(settingsFor(scan, overrides));
  const outcome = await t.transfer.waitForJob(started.jobId);
  if (outcome.status === 'failed') throw new Error(`import failed: ${outcome.message}`);
  return t.transfer.listImports().find((record) => record.id === started.importId)!;
}

/** Every row of the tables an import writes to, for "exactly as before" comparisons. */
export function snapshot(db: Database): Record<string, unknown[]> {
  const tables = ['leads', 'lead_tags', 'companies', 'company_attributes', 'stage_transitions', 'activities'];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
  out.lead_search = db.prepare('SELECT rowid, name, email, company, domain, notes FROM lead_search ORDER BY rowid').all();
  out.lead_totals = leadTotals(db);
  return out;
}

/** A CSV document from rows of cells, quoted where needed, CRLF. */
export function csv(rows: string[][], delimiter = ','): string {
  return rows
    .map((row) => row.map((cell) => (/[",\r\n;]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(delimiter))
    .join('\r\n')
    .concat('\r\n');
}
