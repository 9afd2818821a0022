import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnchangedMemo } from '../../../main/store/unchanged-memo.ts';

let dir: string;
const open: Database.Database[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'voronka-memo-'));
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function connect(): Database.Database {
  const db = new Database(path.join(dir, 'store.db'));
  db.pragma('journal_mode = WAL');
  open.push(db);
  return db;
}

describe('createUnchangedMemo', () => {
  it('answers the same key again without computing, until a write of this connection or a commit of another', () => {
    const db = connect();
    db.exec('CREATE TABLE t (x INTEGER)');
    const other = connect();
    const memo = createUnchangedMemo<number>(db);
    let computed = 0;
    const count = (key = 'all') => memo(key, () => (computed++, db.prepare('SELECT count(*) FROM t').pluck().get() as number));

    expect([count(), count(), computed]).toEqual([0, 0, 1]);
    db.exec('INSERT INTO t VALUES (1)');
    expect([count(), count(), computed]).toEqual([1, 1, 2]);
    other.exec('INSERT INTO t VALUES (2)');
    expect([count(), computed]).toEqual([2, 3]);
    // Another key forgets the last one: only one answer is kept.
    expect([count('other'), count(), computed]).toEqual([2, 2, 5]);
    db.exec('UPDATE t SET x = x WHERE 0');
    expect([count(), computed]).toEqual([2, 5]);
  });
});
