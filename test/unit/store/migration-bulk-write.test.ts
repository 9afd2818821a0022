import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../main/store/migrate.ts';
import { dbAtVersion, migrateTo } from './migration-support.ts';

/** A v10 DB (as a seller has it before 0011) with one company and one lead, then migrated to 11. */
function upgraded() {
  const db = dbAtVersion(10);
  const company = Number(db.prepare("INSERT INTO companies (name, domain, created_at, updated_at) VALUES ('Банк «Восток»', 'vostokbank.ru', 0, 0)").run().lastInsertRowid);
  const insertLead = db.prepare(
    "INSERT INTO leads (first_name, last_name, company_id, stage_key, position, stage_entered_at, created_at, updated_at) VALUES (?, ?, ?, 'awareness', ?, 0, 0, 0)",
  );
  const old = Number(insertLead.run('Ольга', 'Петрова', company, 'a0').lastInsertRowid);
  migrateTo(db, 11);
  const lastActivity = (id: number) => db.prepare('SELECT last_activity_at FROM leads WHERE id = ?').pluck().get(id);
  const move = (id: number, to: string, at: number) => db.prepare("INSERT INTO stage_transitions (lead_id, from_stage, to_stage, at) VALUES (?, 'awareness', ?, ?)").run(id, to, at);
  const search = (text: string) => db.prepare('SELECT rowid FROM lead_search WHERE lead_search MATCH ? ORDER BY rowid').pluck().all(text);
  const dirty = () => db.prepare('SELECT lead_id FROM report_dirty ORDER BY lead_id').pluck().all();
  return { db, company, old, insertLead, lastActivity, move, search, dirty };
}

describe('0011 insert triggers stand aside for a bulk writer', () => {
  it('without the flag, every trigger still does its work row by row', () => {
    const t = upgraded();
    expect(schemaVersion(t.db)).toBe(11);
    t.db.exec('DELETE FROM report_dirty');
    const fresh = Number(t.insertLead.run('Ivan', 'Smirnov', null, 'a1').lastInsertRowid);
    expect(t.search('"smirn"*')).toEqual([fresh]);
    t.move(fresh, 'mql', 500);
    expect(t.lastActivity(fresh)).toBe(500);
    expect(t.dirty()).toEqual([fresh]);
    t.db.prepare("UPDATE companies SET name = 'Восток Финанс' WHERE id = ?").run(t.company);
    expect(t.search('"финанс"*')).toEqual([t.old]);
  });

  it('with a row in bulk_write, new leads, moves and company renames are left to the writer', () => {
    const t = upgraded();
    t.db.exec('DELETE FROM report_dirty; INSERT INTO bulk_write (since) VALUES (1)');
    const bulk = Number(t.insertLead.run('Bulk', 'Lead', t.company, 'a2').lastInsertRowid);
    t.move(t.old, 'mql', 400);
    t.db.prepare("UPDATE companies SET name = 'Восток Финанс' WHERE id = ?").run(t.company);
    expect(t.search('"bulk"*')).toEqual([]);
    expect(t.search('"финанс"*')).toEqual([]);
    expect(t.lastActivity(t.old)).toBeNull();
    expect(t.dirty()).toEqual([]);
    // Updates of a lead still fire row by row: the writer relies on it.
    t.db.prepare("UPDATE leads SET last_name = 'Popova' WHERE id = ?").run(t.old);
    expect(t.search('"popova"*')).toEqual([t.old]);
    t.db.exec('DELETE FROM bulk_write');
    t.move(bulk, 'mql', 600);
    expect(t.lastActivity(bulk)).toBe(600);
    expect(t.dirty()).toEqual([bulk]);
  });
});
