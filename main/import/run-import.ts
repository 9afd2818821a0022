import type { Database } from 'better-sqlite3';
import type { ImportCounts, ImportRecord } from '../../shared/domain/csv-transfer.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { CsvRecord } from '../csv/reader.ts';
import { JobCancelledError } from '../jobs/worker-protocol.ts';
import { createServiceContext } from '../services/context.ts';
import { createImportRepository } from '../store/repositories/import-repository.ts';
import { decideRow, errorText } from './decide.ts';
import { importSetup, onLine, recordProblem, recordsOf, type ResolvedSettings } from './import-setup.ts';
import { createImportWriter } from './import-writer.ts';
import { createRowConverter, ownCopy, type ConvertedRow } from './row-to-lead.ts';

/**
 * The import itself, on a connection of its own (the import worker's; the app's in tests with an
 * in-memory DB). The file is streamed; rows are written in batches, one transaction each, with
 * the import's counts and rejected rows in the same transaction, so that what is committed and
 * what the history says always agree. Cancel is checked between batches: the batches already
 * committed stay, and the import is marked cancelled (undoable like any other).
 */

export interface ImportRunInput {
  importId: number;
  path: string;
  settings: ResolvedSettings;
  /** The import's time: updates, creation of rows without a "created" date, scoring. */
  at: number;
  /** Records after the header, from the scan (for progress). */
  expectedRecords: number | null;
  batchRows?: number;
}

export interface RunControl {
  progress(done: number, total: number | null, phase: string): void;
  /** Throws JobCancelledError once cancel was asked. */
  throwIfCancelled(): void;
}

/**
 * Rows per transaction: the fixed costs of a batch (its set-based statements, rescoring, the commit
 * and its checkpoint) spread thin, while one batch holds the write lock about a second at most.
 */
const BATCH_ROWS = 10_000;

/** Page cache of the import's connection (the worker's): -N is N KiB. */
export const IMPORT_CACHE_KIB = -64 * 1024;

/** A record of the file, with why it cannot be read at all, or what it converts to. */
type BatchItem = { record: CsvRecord; problem: string; row: null } | { record: CsvRecord; problem: null; row: ConvertedRow };

export const ZERO_COUNTS: ImportCounts = { read: 0, created: 0, duplicates: 0, updated: 0, skipped: 0, rejected: 0, existingCompanies: 0 };

export async function runImport(db: Database, input: ImportRunInput, control: RunControl): Promise<ImportRecord> {
  const ctx = createServiceContext(db, () => input.at);
  const imports = createImportRepository(db);
  const setup = importSetup(ctx, input.settings);
  const writer = createImportWriter(ctx, imports, input.importId, input.at);
  const convert = createRowConverter(input.settings.columns, setup.resolver);
  const domainsSeen = new Set<string>();
  const batchRows = input.batchRows ?? BATCH_ROWS;
  let counts = { ...ZERO_COUNTS };

  // IMMEDIATE: the batch takes the write lock before it reads anything, so what it reads (the
  // e-mails stored, the bottom of each column) stays true until it commits.
  const writeBatch = db.transaction((items: BatchItem[]) => {
    const next = { ...counts };
    const touched = new Set<number>();
    const companies = new Set<number>();
    const emails = new Set<string>();
    for (const { row } of items) if (row?.email) emails.add(row.email);
    writer.startBatch([...emails]);
    for (const item of items) {
      const { record } = item;
      next.read++;
      if (item.problem !== null) {
        next.rejected++;
        imports.addReject(input.importId, record.line, record.fields, item.problem);
        continue;
      }
      const { row } = item;
      const existing = row.email ? writer.findByEmail(row.email, input.settings.onDuplicate === 'update') : null;
      const decision = decideRow(row, existing, setup.decide);
      if (existing) next.duplicates++;
      if (decision.action === 'reject' || decision.action === 'skip') {
        if (decision.action === 'skip') next.skipped++;
        else {
          next.rejected++;
          imports.addReject(input.importId, record.line, record.fields, onLine(record.line, errorText(decision.errors)));
        }
        continue;
      }
      const domain = decision.fields.companyDomain;
      if (domain && !domainsSeen.has(domain)) {
        domainsSeen.add(ownCopy(domain));
        if (writer.companyExists(domain)) next.existingCompanies++;
      }
      try {
        const { leadId, changedCompanyId } = writer.apply(decision, row);
        touched.add(leadId);
        if (changedCompanyId !== null) companies.add(changedCompanyId);
        if (decision.action === 'create') next.created++;
        else next.updated++;
      } catch (error) {
        // A rule of the app refused the row (a company without a name or domain...): it alone is rolled back.
        if (!(error instanceof DomainError)) throw error;
        next.rejected++;
        imports.addReject(input.importId, record.line, record.fields, onLine(record.line, error.message));
      }
    }
    writer.finishBatch();
    const context = ctx.filterContext();
    if (touched.size > 0) ctx.scores.rescore({ leadIds: [...touched] }, context);
    for (const companyId of companies) ctx.scores.rescore({ companyId }, context);
    imports.setCounts(input.importId, next);
    counts = next;
  });

  let batch: BatchItem[] = [];
  const flush = () => {
    writeBatch.immediate(batch);
    batch = [];
    control.progress(counts.read, input.expectedRecords, 'importing');
    control.throwIfCancelled();
  };
  try {
    control.progress(0, input.expectedRecords, 'importing');
    for await (const item of recordsOf(input.path, input.settings)) {
      if ('header' in item) continue;
      // Converted before the batch's transaction: the write lock is held for the writing only.
      const problem = recordProblem(item);
      batch.push(problem === null ? { record: item, problem, row: convert(item.fields) } : { record: item, problem, row: null });
      if (batch.length >= batchRows) flush();
    }
    if (batch.length > 0) flush();
    imports.finish(input.importId, 'done', input.at);
  } catch (error) {
    if (error instanceof JobCancelledError) imports.finish(input.importId, 'cancelled', input.at);
    else imports.finish(input.importId, 'failed', input.at, (error as Error).message);
    throw error;
  }
  return imports.get(input.importId)!;
}
