import type { Database } from 'better-sqlite3';

/** One schema step. `version` is the PRAGMA user_version the DB has after `up`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
