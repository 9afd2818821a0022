import { execFileSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Debian's sqlite3 shell: the reference our export and import are measured against. */
export const SQLITE3 = process.env.SQLITE3_PATH ?? '/usr/bin/sqlite3';

/** `sqlite3 -csv -header DB "SELECT ..." > out`: the same rows and columns our export writes. */
export function sqliteCsvExport(dbPath: string, sql: string, outFile: string): void {
  const out = openSync(outFile, 'w');
  try {
    execFileSync(SQLITE3, ['-csv', '-header', '-readonly', dbPath, sql], { stdio: ['ignore', out, 'inherit'] });
  } finally {
    closeSync(out);
  }
}

/** `sqlite3 .import` of a CSV file (header skipped) into a fresh table with as many text columns. */
export function sqliteCsvImport(dbPath: string, csvFile: string, columns: number): void {
  const table = `CREATE TABLE imported (${Array.from({ length: columns }, (_, i) => `c${i + 1} TEXT`).join(', ')});`;
  execFileSync(SQLITE3, [dbPath, table, '.mode csv', `.import --skip 1 '${csvFile.replaceAll("'", "''")}' imported`], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The CREATE statements of the leads table and its indexes in `dbPath`, table first. */
export function leadsSchema(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare<[], string>(`SELECT sql FROM sqlite_schema WHERE tbl_name = 'leads' AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type = 'index', name`)
      .pluck()
      .all();
  } finally {
    db.close();
  }
}

/**
 * The floor under any import into our store: sqlite3 itself copying the leads of `sourceDb`, rows
 * already parsed, into a fresh DB holding only `schema` (the leads table and its indexes: no
 * triggers, foreign keys off), with the import connection's journal and page cache.
 */
export function sqliteCopyIntoIndexedLeads(sourceDb: string, targetDb: string, schema: readonly string[], cacheKib: number): void {
  const script = [
    'PRAGMA journal_mode = WAL;',
    'PRAGMA synchronous = NORMAL;',
    `PRAGMA cache_size = ${cacheKib};`,
    ...schema.map((sql) => `${sql};`),
    `ATTACH DATABASE '${sourceDb.replaceAll("'", "''")}' AS source;`,
    'INSERT INTO main.leads SELECT * FROM source.leads ORDER BY id;',
  ].join('\n');
  execFileSync(SQLITE3, [targetDb], { input: script, stdio: ['pipe', 'ignore', 'inherit'] });
}
