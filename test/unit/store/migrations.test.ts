import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REASONS, REASON_KINDS } from '../../../shared/domain/reasons.ts';
import { migrate, schemaVersion } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';
import type { Migration } from '../../../main/store/migrations/migration.ts';
import { caught } from '../../support/services.ts';

const open: Database.Database[] = [];
function freshDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );
}
function indexes(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}
function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((row) => row.name);
}
function migratedTo(n: number): Database.Database {
  const db = freshDb();
  migrate(db, MIGRATIONS.slice(0, n));
  return db;
}

describe('the migration list', () => {
  it('holds 0001..0009, each version its position', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(MIGRATIONS.every((m) => m.name.length > 0)).toBe(true);
  });
});

describe('0001 stages, team members and settings', () => {
  it('creates the tables and seeds the 8 default stages in board order', () => {
    const db = migratedTo(1);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['settings', 'stages', 'team_members']);
    const stages = db.prepare('SELECT key, name, funnel, position, probability, kind, requires_deal FROM stages ORDER BY position').all();
    expect(stages).toEqual([
      { key: 'awareness', name: 'Awareness (ToFu)', funnel: 'marketing', position: 0, probability: 0.01, kind: 'open', requires_deal: 0 },
      { key: 'consideration', name: 'Consideration (MoFu)', funnel: 'marketing', position: 1, probability: 0.03, kind: 'open', requires_deal: 0 },
      { key: 'conversion', name: 'Conversion (BoFu)', funnel: 'marketing', position: 2, probability: 0.05, kind: 'open', requires_deal: 0 },
      { key: 'mql', name: 'MQL', funnel: 'sales', position: 3, probability: 0.1, kind: 'open', requires_deal: 0 },
      { key: 'sal', name: 'SAL', funnel: 'sales', position: 4, probability: 0.2, kind: 'open', requires_deal: 0 },
      { key: 'sql', name: 'SQL', funnel: 'sales', position: 5, probability: 0.4, kind: 'open', requires_deal: 1 },
      { key: 'won', name: 'Closed-won', funnel: 'sales', position: 6, probability: 1, kind: 'won', requires_deal: 1 },
      { key: 'lost', name: 'Closed-lost', funnel: 'sales', position: 7, probability: 0, kind: 'lost', requires_deal: 0 },
    ]);
    expect(columns(db, 'team_members')).toEqual(['id', 'name', 'email', 'role', 'created_at']);
    expect(columns(db, 'settings')).toEqual(['key', 'value']);
  });

  it('its CHECK constraints refuse a bad funnel, kind, probability and role', () => {
    const db = migratedTo(1);
    const insertStage = db.prepare('INSERT INTO stages (key, name, funnel, position, probability, kind) VALUES (?, ?, ?, ?, ?, ?)');
    expect(() => insertStage.run('x', 'X', 'support', 8, 0.5, 'open')).toThrow(/CHECK/);
    expect(() => insertStage.run('x', 'X', 'sales', 8, 1.5, 'open')).toThrow(/CHECK/);
    expect(() => insertStage.run('x', 'X', 'sales', 8, 0.5, 'maybe')).toThrow(/CHECK/);
    expect(() => insertStage.run('x', 'X', 'sales', 3, 0.5, 'open')).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO team_members (name, role, created_at) VALUES ('A', 'ceo', 0)").run(),
    ).toThrow(/CHECK/);
  });
});

describe('0002 leads', () => {
  it('creates the leads table and its board indexes', () => {
    const db = migratedTo(2);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(['leads', 'settings', 'stages', 'team_members']);
    expect(indexes(db)).toEqual(['leads_by_stage_position', 'leads_email', 'leads_owner', 'leads_stage_value']);
    expect(columns(db, 'leads')).toEqual([
      'id', 'first_name', 'last_name', 'email', 'phone', 'role_title', 'role_started_on', 'company_name', 'company_domain',
      'industry', 'employee_count', 'source', 'owner_id', 'deal_value_minor', 'currency', 'expected_close_on', 'urgency',
      'stage_key', 'position', 'stage_entered_at', 'created_at', 'updated_at', 'deleted_at',
    ]);
    // The board index is partial: deleted leads never slow a column down.
    const sql = (db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'leads_by_stage_position'").get() as { sql: string }).sql;
    expect(sql).toMatch(/\(stage_key, position, id\)\s+WHERE deleted_at IS NULL/);
  });

  it('a lead must sit in a known stage and cannot hold a negative deal value', () => {
    const db = migratedTo(2);
    const insert = db.prepare(
      'INSERT INTO leads (stage_key, position, stage_entered_at, created_at, updated_at, deal_value_minor) VALUES (?, ?, 0, 0, 0, ?)',
    );
    expect(() => insert.run('nowhere', 'a0', null)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('awareness', 'a0', -5)).toThrow(/CHECK/);
    expect(insert.run('awareness', 'a0', 5).changes).toBe(1);
    expect((db.prepare('SELECT currency FROM leads').get() as { currency: string }).currency).toBe('USD');
  });
});

describe('0003 stage transitions and activities', () => {
  it('creates the history tables and indexes', () => {
    const db = migratedTo(3);
    expect(schemaVersion(db)).toBe(3);
    expect(tables(db)).toEqual(['activities', 'leads', 'settings', 'stage_transitions', 'stages', 'team_members']);
    expect(indexes(db)).toEqual(expect.arrayContaining(['transitions_by_lead', 'transitions_by_time', 'activities_by_lead']));
    expect(columns(db, 'stage_transitions')).toEqual([
      'id', 'lead_id', 'from_stage', 'to_stage', 'at', 'by_member_id', 'reason', 'undoes_transition_id',
    ]);
    expect(columns(db, 'activities')).toEqual(['id', 'lead_id', 'type', 'at', 'body', 'by_member_id']);
  });

  it('history follows its lead: deleting a lead row cascades', () => {
    const db = migratedTo(3);
    const lead = db.prepare("INSERT INTO leads (stage_key, position, stage_entered_at, created_at, updated_at) VALUES ('awareness', 'a0', 0, 0, 0)").run();
    db.prepare("INSERT INTO stage_transitions (lead_id, from_stage, to_stage, at) VALUES (?, NULL, 'awareness', 0)").run(lead.lastInsertRowid);
    db.prepare("INSERT INTO activities (lead_id, type, at, body) VALUES (?, 'note', 0, 'hi')").run(lead.lastInsertRowid);
    expect(() => db.prepare("INSERT INTO activities (lead_id, type, at, body) VALUES (?, 'fax', 0, 'hi')").run(lead.lastInsertRowid)).toThrow(/CHECK/);
    db.prepare('DELETE FROM leads').run();
    expect(db.prepare('SELECT count(*) AS n FROM stage_transitions').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 0 });
  });
});

describe('0004 editable reason lists', () => {
  it('creates the reasons table and seeds each kind in order', () => {
    const db = migratedTo(4);
    expect(schemaVersion(db)).toBe(4);
    expect(tables(db)).toContain('reasons');
    for (const kind of REASON_KINDS) {
      const labels = (db.prepare('SELECT label, position FROM reasons WHERE kind = ? ORDER BY position').all(kind) as { label: string; position: number }[]);
      expect(labels.map((r) => r.label)).toEqual(DEFAULT_REASONS[kind]);
      expect(labels.map((r) => r.position)).toEqual(DEFAULT_REASONS[kind].map((_, i) => i));
    }
    expect(DEFAULT_REASONS.lost).toContain('Price');
    expect(DEFAULT_REASONS.disqualified).toContain('Not a fit');
    expect(DEFAULT_REASONS.recycled).toContain('New budget cycle');
  });

  it('a label is unique within its kind but may repeat across kinds', () => {
    const db = migratedTo(4);
    // "No budget" is seeded both as a lost and a disqualification reason.
    expect(db.prepare("SELECT count(*) AS n FROM reasons WHERE label = 'No budget'").get()).toEqual({ n: 2 });
    expect(() => db.prepare("INSERT INTO reasons (kind, label, position) VALUES ('lost', 'Price', 99)").run()).toThrow(/UNIQUE/);
  });
});

describe('migrate', () => {
  it('steps up from any version to the latest, one version at a time', () => {
    for (let n = 0; n <= MIGRATIONS.length; n++) {
      const db = migratedTo(n);
      expect(schemaVersion(db)).toBe(n);
      migrate(db);
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT count(*) AS n FROM stages').get()).toEqual({ n: 8 });
      expect(db.prepare('SELECT count(*) AS n FROM reasons').get()).toEqual({
        n: REASON_KINDS.reduce((sum, kind) => sum + DEFAULT_REASONS[kind].length, 0),
      });
    }
  });

  it('on an up-to-date DB is a no-op (no step runs, no seed row duplicated)', () => {
    const ran: number[] = [];
    const counted = MIGRATIONS.map((m) => ({ ...m, up: (d: Database.Database) => (ran.push(m.version), m.up(d)) }));
    const db = freshDb();
    migrate(db, counted);
    expect(ran).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const before = db.prepare('SELECT count(*) AS n FROM reasons').get();
    migrate(db, counted);
    migrate(db, counted);
    expect(ran).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(db.prepare('SELECT count(*) AS n FROM reasons').get()).toEqual(before);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });

  it('runs only the pending steps', () => {
    const ran: number[] = [];
    const counted = MIGRATIONS.map((m) => ({ ...m, up: (d: Database.Database) => (ran.push(m.version), m.up(d)) }));
    const db = migratedTo(2);
    migrate(db, counted);
    expect(ran).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('rolls everything back when a step fails: user_version and tables unchanged', () => {
    const db = migratedTo(2);
    const tablesBefore = tables(db);
    const failing: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'explodes halfway',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('disk on fire');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, failing])).toThrow('disk on fire');
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(tablesBefore);
    expect(tables(db)).not.toContain('reasons');
    expect(tables(db)).not.toContain('half_done');
    // The DB is still usable and migrates normally afterwards.
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });

  it('refuses migrations listed out of order before touching the DB', () => {
    const db = freshDb();
    expect(() => migrate(db, [MIGRATIONS[1]!, MIGRATIONS[0]!])).toThrow(/out of order/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('refuses a DB newer than the migrations it knows, with the "newer version" message', () => {
    const db = freshDb();
    db.pragma('user_version = 99');
    const error = caught(() => migrate(db));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`written by a newer version of Voronka (schema 99; this app knows up to ${MIGRATIONS.length})`);
    expect(error.message).toMatch(/The file was not changed\./);
    expect(tables(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(99);
  });
});
