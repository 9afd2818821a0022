import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { migrate } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A new in-memory DB with foreign keys on, migrated to `version` (as a seller's DB of that version); closed after the test. */
export function dbAtVersion(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  open.push(db);
  migrateTo(db, version);
  return db;
}

/** Runs the migrations up to `version`, as opening the DB in a newer app does. */
export function migrateTo(db: Database.Database, version: number): void {
  migrate(db, MIGRATIONS.slice(0, version));
}
