import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';
import { createCatchUp } from '../../../main/reports/catch-up.ts';
import { ALL_DAY_TOTALS } from '../../../main/reports/day-totals.ts';
import { registerSqlFunctions } from '../../../main/store/sql-functions.ts';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const stale = (db: Database.Database) => db.prepare("SELECT count(*) FROM settings WHERE key = 'reports.day_totals_stale'").pluck().get();
const totals = (db: Database.Database) => ALL_DAY_TOTALS.reduce((sum, { table }) => sum + (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number), 0);

describe('0013 per-day totals for funnel reports', () => {
  it('creates its indexes at once in a DB with no derived rows yet', () => {
    const db = new Database(':memory:');
    open.push(db);
    migrate(db, MIGRATIONS.slice(0, 13));
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('report_stays_length', 'report_journeys_won')").pluck().get()).toBe(2);
  });

  it('adds empty totals marked stale, so that the next catch-up counts the rows a v11 DB already built', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    registerSqlFunctions(db);
    open.push(db);
    migrate(db, MIGRATIONS.slice(0, 12));
    db.exec(`
      INSERT INTO leads (id, stage_key, position, stage_entered_at, created_at, updated_at, source) VALUES (1, 'awareness', 'a0', 1000, 1000, 1000, 'Webinar');
      INSERT INTO stage_transitions (lead_id, from_stage, to_stage, at) VALUES (1, NULL, 'awareness', 1000), (1, 'awareness', 'mql', 90000000);
    `);
    // Built by the v11 catch-up under today's ladder: the derived rows are there, report_dirty is empty.
    const stages = db.prepare('SELECT key, funnel, kind, position, requires_deal AS requiresDeal FROM stages ORDER BY position').all() as Record<string, unknown>[];
    const ladder = JSON.stringify(stages.map((s) => [s.key, s.funnel, s.kind, s.position, s.requiresDeal === 1]));
    db.prepare('INSERT INTO report_state (id, ladder, built_at) VALUES (1, ?, 1)').run(ladder);
    db.exec(`
      INSERT INTO report_journeys (id, lead_id, seq, start_kind, started_at, start_stage, max_rung, source) VALUES (1, 1, 0, 'created', 1000, 'awareness', 3, 'Webinar');
      INSERT INTO report_stays (journey_id, seq, lead_id, stage_key, entered_at, entry) VALUES (1, 0, 1, 'awareness', 1000, 'created');
      DELETE FROM report_dirty;
    `);
    migrate(db, MIGRATIONS.slice(0, 13));
    expect(schemaVersion(db)).toBe(13);
    expect(totals(db)).toBe(0);
    expect(stale(db)).toBe(1);
    // Over rows already built, the new indexes are left to the catch-up, with the indexes a bulk build would recreate.
    const newIndexes = () => db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('report_stays_length', 'report_journeys_won')").pluck().get();
    expect(newIndexes()).toBe(0);
    expect(createCatchUp(db).run(2000)).toBe(0);
    expect(newIndexes()).toBe(2);
    expect(stale(db)).toBe(0);
    expect(db.prepare('SELECT * FROM report_day_starts ORDER BY slice').all()).toEqual([
      { slice: '', slice_value: Buffer.alloc(0), day: 0, max_rung: 3, start_kind: 'created', n: 1 },
      { slice: 'persona', slice_value: Buffer.alloc(0), day: 0, max_rung: 3, start_kind: 'created', n: 1 },
      { slice: 'source', slice_value: 'Webinar', day: 0, max_rung: 3, start_kind: 'created', n: 1 },
    ]);
  });
});
