import type { Database } from 'better-sqlite3';

/**
 * Functions the queries of this connection call. SQLite's lower(), LIKE and NOCASE fold ASCII only,
 * so "contains" would miss "ПЕТР" in "Петрова"; fold_case lower-cases the whole of Unicode.
 * Used in queries only, never in the schema (other SQLite clients could not read such a file).
 */
export function registerSqlFunctions(db: Database): void {
  db.function('fold_case', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value) as never);
}
