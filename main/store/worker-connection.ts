import Database from 'better-sqlite3';
import { preparePlanStable } from './plan-stable-sql.ts';
import { registerSqlFunctions } from './sql-functions.ts';

/**
 * Another connection, in a worker thread, to a store `openDatabase` has opened and migrated: no
 * migration; statements prepared the same way (see plan-stable-sql.ts); the app's SQL functions,
 * which filters and reports call; and a busy timeout, so that a read waits out the rare moment WAL
 * mode locks readers out (a checkpoint resetting the log) instead of failing.
 */
export function openWorkerConnection(path: string, options: { readonly: boolean }): Database.Database {
  const db = preparePlanStable(new Database(path, { readonly: options.readonly, fileMustExist: true }));
  try {
    db.pragma('busy_timeout = 5000');
    registerSqlFunctions(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
