import type { Database } from 'better-sqlite3';
import { DomainError } from '../../shared/ipc/result.ts';
import type { Migration } from './migrations/migration.ts';
import { MIGRATIONS } from './migrations/index.ts';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a DB written by a newer Voronka before anything (even a pragma) touches it. */
export function assertKnownSchema(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new DomainError(
      'conflict',
      `This database was written by a newer version of Voronka (schema ${current}; this app knows up to ${migrations.length}). ` +
        'Update Voronka to open it. The file was not changed.',
    );
  }
}

/**
 * Brings the DB to the newest schema: every pending step in one transaction, so a failure
 * leaves the file exactly as it was. A DB written by a newer Voronka is refused untouched.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations.length;
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration ${migration.name} is out of order.`);
  });
  assertKnownSchema(db, migrations);
  const current = schemaVersion(db);
  if (current === latest) return;
  db.transaction(() => {
    for (const migration of migrations.slice(current)) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
}
