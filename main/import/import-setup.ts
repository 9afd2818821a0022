import type { Database } from 'better-sqlite3';
import type { CsvFileDelimiter, CsvFileEncoding, ImportSettings } from '../../shared/domain/csv-transfer.ts';
import type { Stage } from '../../shared/domain/stage.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { ServiceContext } from '../services/context.ts';
import type { CsvRecord } from '../csv/reader.ts';
import { openCsvFile } from '../csv/reader.ts';
import type { DecideContext } from './decide.ts';
import { createResolver, type Resolver } from './row-to-lead.ts';

/** Import settings once main has read the file: the delimiter and encoding are known. */
export interface ResolvedSettings extends Omit<ImportSettings, 'fileId' | 'delimiter' | 'encoding'> {
  delimiter: CsvFileDelimiter;
  encoding: CsvFileEncoding;
}

/** What the preview and the import both work from: stages, the resolver of stage and owner values. */
export interface ImportSetup {
  decide: DecideContext;
  resolver: Resolver;
}

export function importSetup(ctx: ServiceContext, settings: ResolvedSettings): ImportSetup {
  const stages = ctx.catalog.stages();
  const byKey = new Map<string, Stage>(stages.map((stage) => [stage.key, stage]));
  const defaultStage = settings.defaultStageKey ? byKey.get(settings.defaultStageKey) : stages[0];
  if (!defaultStage) throw new DomainError('invalid_input', `There is no stage "${settings.defaultStageKey}".`);
  return {
    decide: { policy: settings.onDuplicate, stages: byKey, defaultStage },
    resolver: createResolver(stages, ctx.team.members(), settings.valueMapping),
  };
}

/** The records after the header, with the header itself. Stopping early closes the file. */
export async function* recordsOf(path: string, settings: ResolvedSettings): AsyncGenerator<{ header: string[] } | CsvRecord> {
  const reader = await openCsvFile(path, { delimiter: settings.delimiter, encoding: settings.encoding });
  let header = true;
  for await (const record of reader.records()) {
    if (header) {
      header = false;
      yield { header: record.fields };
      continue;
    }
    yield record;
  }
}

/** Why a record is not even converted: its line is ragged or badly quoted, or it holds nothing. */
export function recordProblem(record: CsvRecord): string | null {
  if (record.problem) return record.problem.message;
  if (record.fields.every((field) => field.trim() === '')) return `Line ${record.line}: the row is empty.`;
  return null;
}

/** "Line 12: ..." in front of a reason that does not say its line yet. */
export function onLine(line: number, message: string): string {
  return message.startsWith('Line ') ? message : `Line ${line}: ${message}`;
}

/**
 * A set of keys (e-mails, domains) kept in a private temporary SQLite file rather than in memory,
 * so that a preview of a million rows stays flat; `value` carries a little per key.
 */
export function createScratchSet(open: (path: string) => Database) {
  const scratch = open('');
  // Throwaway data: no journal, no syncing, one transaction that is never committed (closing drops it all).
  scratch.pragma('journal_mode = OFF');
  scratch.pragma('synchronous = OFF');
  scratch.exec('CREATE TABLE seen (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID; BEGIN');
  const get = scratch.prepare<[string], { value: string | null }>('SELECT value FROM seen WHERE key = ?');
  const put = scratch.prepare('INSERT OR REPLACE INTO seen (key, value) VALUES (?, ?)');
  return {
    has: (key: string) => get.get(key) !== undefined,
    get: (key: string) => get.get(key)?.value ?? null,
    set: (key: string, value: string | null = null) => void put.run(key, value),
    close: () => scratch.close(),
  };
}
