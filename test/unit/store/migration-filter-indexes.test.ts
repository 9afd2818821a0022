import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_PROSPECT_FILTER } from '../../../shared/domain/filter.ts';
import { compileFilter } from '../../../main/store/filter/compile-filter.ts';
import { migrate, schemaVersion } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';
import { createLeadQueryRepository } from '../../../main/store/repositories/lead-query-repository.ts';
import { registerSqlFunctions } from '../../../main/store/sql-functions.ts';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const T0 = Date.UTC(2026, 2, 2, 9);
const context = { currentMemberId: null, now: T0 };

/** A v11 DB (as a seller has it before 0012) with a bank and three leads, then migrated to 12. */
function upgraded(options: { analyzedBefore: boolean } = { analyzedBefore: false }) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  open.push(db);
  migrate(db, MIGRATIONS.slice(0, 11));
  registerSqlFunctions(db);
  const bank = Number(db.prepare("INSERT INTO companies (name, industry, employee_count, created_at, updated_at) VALUES ('Bluefin Bank', 'Banking', 850, 0, 0)").run().lastInsertRowid);
  const attribute = db.prepare('INSERT INTO company_attributes (company_id, kind, value) VALUES (?, ?, ?)');
  for (const [kind, value] of [['ad_channel', 'Google Ads'], ['technology', 'HubSpot'], ['job_department', 'Marketing']]) attribute.run(bank, kind, value);
  const insertLead = db.prepare(`
    INSERT INTO leads (first_name, role_title, role_started_on, company_id, stage_key, position, stage_entered_at, created_at, updated_at)
    VALUES (?, 'HR Manager', '2025-09-01', ?, 'awareness', ?, 0, ?, 0)`);
  const ids = ['Anna', 'Annika', 'Bob'].map((name, index) => Number(insertLead.run(name, bank, `a${index}`, index).lastInsertRowid));
  db.prepare('UPDATE leads SET deleted_at = 1 WHERE id = ?').run(ids[1]);
  if (options.analyzedBefore) db.exec('ANALYZE');
  migrate(db, MIGRATIONS.slice(0, 12));
  return { db, ids };
}

const plan = (db: Database.Database, sql: string, params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');

describe('0012 covering indexes for the prospect filter and quick search', () => {
  it('replaces leads_role_title by leads_role_company and adds leads_live and leads_deleted', () => {
    const { db } = upgraded();
    expect(schemaVersion(db)).toBe(12);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'leads' AND name LIKE 'leads_%'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['leads_role_company', 'leads_live', 'leads_deleted']));
    expect(indexes).not.toContain('leads_role_title');
  });

  it('analyzes the new indexes in a DB that has statistics, and only there', () => {
    const stats = (db: Database.Database) => db.prepare("SELECT idx FROM sqlite_stat1 WHERE tbl = 'leads' ORDER BY idx").pluck().all();
    expect(stats(upgraded({ analyzedBefore: true }).db)).toEqual(expect.arrayContaining(['leads_deleted', 'leads_live', 'leads_role_company']));
    expect(upgraded().db.prepare("SELECT name FROM sqlite_schema WHERE name = 'sqlite_stat1'").get()).toBeUndefined();
  });

  it('the example prospect filter is counted from leads_role_company alone, even in a DB never analyzed', () => {
    const { db } = upgraded();
    const compiled = compileFilter(EXAMPLE_PROSPECT_FILTER, context);
    const detail = plan(db, `SELECT count(*) FROM leads l WHERE l.deleted_at IS NULL AND (${compiled.sql})`, compiled.params);
    // Not reported as COVERING (deleted_at is the partial index's condition, not a column), yet no row is read: the seek is deferred.
    expect(detail).toMatch(/SEARCH l USING INDEX leads_role_company \(role_title=\? AND company_id=\? AND role_started_on>\?\)/);
  });

  it('a search alone is paged through leads_live and counted through leads_deleted, deleted leads left out', () => {
    const { db, ids } = upgraded();
    const query = createLeadQueryRepository(db);
    const search = { all: [], search: 'ann' };
    expect(query.count(search, context)).toBe(1);
    expect(query.page(search, [], 0, 10, context).map((lead) => lead.id)).toEqual([ids[0]]);
    db.prepare('UPDATE leads SET deleted_at = NULL WHERE id = ?').run(ids[1]);
    expect(query.count(search, context)).toBe(2);
    expect(query.page(search, [], 0, 10, context).map((lead) => lead.id)).toEqual([ids[1], ids[0]]);
  });
});
