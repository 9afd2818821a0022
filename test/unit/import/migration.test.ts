import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function migratedTo(n: number): Database.Database {
  const db = new Database(':memory:');
  open.push(db);
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, n));
  return db;
}

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'import%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('0009 CSV imports', () => {
  it('adds the import tables to a DB with leads, leaving the leads alone', () => {
    const db = migratedTo(8);
    db.exec("INSERT INTO leads (id, stage_key, position, stage_entered_at, created_at, updated_at) VALUES (1, 'awareness', 'a0', 1, 1, 1)");
    migrate(db, MIGRATIONS.slice(0, 9));
    expect(schemaVersion(db)).toBe(9);
    expect(tables(db)).toEqual(['import_companies', 'import_leads', 'import_mappings', 'import_rejects', 'imports']);
    expect(db.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 1 });
  });

  it('keeps the undo records of a lead after the lead is gone, and drops them with their import', () => {
    const db = migratedTo(9);
    db.exec(`
      INSERT INTO imports (id, file_name, header_json, settings_json, on_duplicate, status, started_at) VALUES (1, 'a.csv', '[]', '{}', 'skip', 'done', 1);
      INSERT INTO leads (id, stage_key, position, stage_entered_at, created_at, updated_at) VALUES (7, 'awareness', 'a0', 1, 1, 1);
      INSERT INTO import_leads (import_id, lead_id, action) VALUES (1, 7, 'created');
      INSERT INTO import_rejects (import_id, line, fields_json, error) VALUES (1, 3, '["x"]', 'E-mail does not look right.');
      DELETE FROM leads WHERE id = 7;
    `);
    expect(db.prepare('SELECT count(*) AS n FROM import_leads').get()).toEqual({ n: 1 });
    db.exec('DELETE FROM imports WHERE id = 1');
    expect(db.prepare('SELECT (SELECT count(*) FROM import_leads) + (SELECT count(*) FROM import_rejects) AS n').get()).toEqual({ n: 0 });
  });

  it('refuses statuses, actions and JSON it does not know', () => {
    const db = migratedTo(9);
    expect(() => db.exec("INSERT INTO imports (file_name, header_json, settings_json, on_duplicate, status, started_at) VALUES ('a', '[]', '{}', 'merge', 'done', 1)")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO imports (file_name, header_json, settings_json, on_duplicate, status, started_at) VALUES ('a', 'not json', '{}', 'skip', 'done', 1)")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO import_mappings (signature, columns_json, updated_at) VALUES ('s', '[', 1)")).toThrow(/CHECK/);
  });
});

describe('0010 who ran each import', () => {
  it('adds by_member_id to the imports a DB already has, unknown for the old ones, cleared when the member goes', () => {
    const db = migratedTo(9);
    db.exec(`
      INSERT INTO team_members (id, name, role, created_at) VALUES (3, 'Olga', 'sdr', 1);
      INSERT INTO imports (id, file_name, header_json, settings_json, on_duplicate, status, started_at) VALUES (1, 'old.csv', '[]', '{}', 'skip', 'done', 1);
    `);
    migrate(db, MIGRATIONS.slice(0, 10));
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT by_member_id AS by FROM imports WHERE id = 1').get()).toEqual({ by: null });
    db.exec("INSERT INTO imports (id, file_name, header_json, settings_json, on_duplicate, by_member_id, status, started_at) VALUES (2, 'new.csv', '[]', '{}', 'skip', 3, 'done', 2)");
    db.exec('DELETE FROM team_members WHERE id = 3');
    expect(db.prepare('SELECT by_member_id AS by FROM imports WHERE id = 2').get()).toEqual({ by: null });
  });
});
