import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/open-database.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';
import { caught, makeTempDir, type TempDir } from '../../support/services.ts';

let tmp: TempDir;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.remove());

/** Bytes and mtime of a file, to prove that a refused open never wrote to it. */
function fingerprint(file: string) {
  return { bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs };
}
/** An mtime far in the past, so that any write would be visible even on coarse clocks. */
function backdate(file: string) {
  const past = new Date('2020-01-01T00:00:00Z');
  utimesSync(file, past, past);
}

describe('openDatabase on a file', () => {
  it('switches to WAL, turns foreign keys on and migrates to the latest schema', () => {
    const file = tmp.file('voronka.db');
    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT count(*) AS n FROM stages').get()).toEqual({ n: 8 });
      // Foreign keys really are enforced on this connection.
      expect(() =>
        db.prepare("INSERT INTO leads (stage_key, position, stage_entered_at, created_at, updated_at) VALUES ('nope', 'a0', 0, 0, 0)").run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it(':memory: gets foreign keys and the schema too', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('re-opening an up-to-date DB is a no-op: same schema, no duplicated seed rows, file unchanged', () => {
    const file = tmp.file('voronka.db');
    const first = openDatabase(file);
    first.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'kept')").run();
    const counts = first.prepare('SELECT (SELECT count(*) FROM stages) AS stages, (SELECT count(*) FROM reasons) AS reasons').get();
    first.close();
    backdate(file);
    const before = fingerprint(file);

    const second = openDatabase(file);
    expect(second.prepare('SELECT (SELECT count(*) FROM stages) AS stages, (SELECT count(*) FROM reasons) AS reasons').get()).toEqual(counts);
    expect(second.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: 'kept' });
    second.close();
    expect(fingerprint(file)).toEqual(before);
  });

  it('refuses a DB written by a newer Voronka and leaves the file untouched (not even switched to WAL)', () => {
    const file = tmp.file('future.db');
    const future = new Database(file);
    future.exec("CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('v99 data');");
    future.pragma('user_version = 99');
    future.close();
    backdate(file);
    const before = fingerprint(file);

    const error = caught(() => openDatabase(file));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`This database was written by a newer version of Voronka (schema 99; this app knows up to ${MIGRATIONS.length}).`);
    expect(error.message).toContain('Update Voronka to open it. The file was not changed.');

    expect(fingerprint(file)).toEqual(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    expect(check.prepare('SELECT x FROM from_the_future').get()).toEqual({ x: 'v99 data' });
    check.close();
  });

  it('refuses a garbage file with a clear message and leaves it intact', () => {
    const file = tmp.file('notes.db');
    writeFileSync(file, Buffer.from('These are my meeting notes, not a database.\n'.repeat(200)));
    backdate(file);
    const before = fingerprint(file);

    const error = caught(() => openDatabase(file));
    expect(error.message).toContain(`${file} is not a readable Voronka database`);
    expect(error.message).toContain('The file was not changed.');
    expect(error.code).toBe('internal');
    expect(fingerprint(file)).toEqual(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a path it cannot open with the path in the message', () => {
    const file = tmp.file('missing-folder/voronka.db');
    const error = caught(() => openDatabase(file));
    expect(error.code).toBe('internal');
    expect(error.message).toContain(`Cannot open the database at ${file}`);
    expect(existsSync(file)).toBe(false);
  });

  it('upgrades an older file in place and keeps its rows', () => {
    const file = tmp.file('old.db');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, 2)) migration.up(old);
    old.pragma('user_version = 2');
    old.prepare("INSERT INTO leads (first_name, stage_key, position, stage_entered_at, created_at, updated_at) VALUES ('Ольга', 'mql', 'a0', 1, 1, 1)").run();
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT first_name FROM leads').get()).toEqual({ first_name: 'Ольга' });
    expect(db.prepare('SELECT count(*) AS n FROM reasons').get()).not.toEqual({ n: 0 });
    db.close();
  });
});
