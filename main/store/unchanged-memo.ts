import type { Database } from 'better-sqlite3';

/**
 * One remembered answer per key asked last, kept while the data stays the same: total_changes()
 * moves with every row this connection writes, data_version with every commit of another
 * connection (the import and report workers), so a write anywhere forgets it.
 */
export function createUnchangedMemo<T>(db: Database) {
  const dataState = db.prepare("SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version)").pluck();
  let last: { key: string; state: string; value: T } | null = null;
  return function remembered(key: string, compute: () => T): T {
    const state = dataState.get() as string;
    if (last?.key === key && last.state === state) return last.value;
    const value = compute();
    last = { key, state, value };
    return value;
  };
}
