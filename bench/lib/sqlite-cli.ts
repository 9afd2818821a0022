import { execFileSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

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
