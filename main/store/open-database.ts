import Database from 'better-sqlite3';
import { DomainError } from '../../shared/ipc/result.ts';
import { assertKnownSchema, migrate } from './migrate.ts';
import { preparePlanStable } from './plan-stable-sql.ts';
import { registerSqlFunctions } from './sql-functions.ts';

export type { Database } from 'better-sqlite3';

/**
 * The one way to open the store: a file path or ':memory:'. WAL keeps readers and the writer
 * apart, foreign keys guard the history, and the schema is migrated before anything else runs.
 */
export function openDatabase(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = preparePlanStable(new Database(path));
  } catch (error) {
    throw new DomainError('internal', `Cannot open the database at ${path}: ${(error as Error).message}`);
  }
  try {
    checkReadable(db, path);
    assertKnownSchema(db);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    registerSqlFunctions(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A damaged or foreign file fails here with a clear message instead of deep inside a query. */
function checkReadable(db: Database.Database, path: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    throw new DomainError(
      'internal',
      `${path} is not a readable Voronka database (${(error as Error).message}). The file was not changed.`,
    );
  }
}
