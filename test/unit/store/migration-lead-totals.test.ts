import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../main/store/migrate.ts';
import { leadTotals, leadTotalsFromScratch } from '../../support/lead-totals.ts';
import { dbAtVersion, migrateTo } from './migration-support.ts';

/** A v13 DB (as a seller has it before 0014) with two sellers and leads of every kind, then migrated to 14. */
function upgraded() {
  const db = dbAtVersion(13);
  db.exec(`
    INSERT INTO team_members (id, name, email, role, created_at) VALUES (1, 'Boris', 'boris@x.example', 'account_executive', 0), (2, 'Olga', 'olga@x.example', 'sdr', 0);
    INSERT INTO leads (id, stage_key, position, owner_id, deal_value_minor, currency, deleted_at, stage_entered_at, created_at, updated_at) VALUES
      (1, 'sql', 'a0', 1, 500000, 'USD', NULL, 0, 0, 0),
      (2, 'sql', 'a1', 1, 250000, 'USD', NULL, 0, 0, 0),
      (3, 'sql', 'a2', 1, NULL, 'USD', NULL, 0, 0, 0),
      (4, 'sal', 'a0', NULL, 100000, 'EUR', NULL, 0, 0, 0),
      (5, 'sal', 'a1', 2, 700000, 'RUB', NULL, 0, 0, 0),
      (6, 'awareness', 'a0', NULL, NULL, 'USD', NULL, 0, 0, 0),
      (7, 'sql', 'a3', 1, 900000, 'USD', 5, 0, 0, 0);
  `);
  migrateTo(db, 14);
  return db;
}

describe('0014 live lead totals per stage, owner and currency', () => {
  it('counts the live leads a v13 DB already holds, the deleted one left out', () => {
    const db = upgraded();
    expect(schemaVersion(db)).toBe(14);
    expect(leadTotals(db)).toEqual([
      { stage_key: 'awareness', owner_key: 0, currency: 'USD', leads: 1, valued: 0, value_minor: 0 },
      { stage_key: 'sal', owner_key: 0, currency: 'EUR', leads: 1, valued: 1, value_minor: 100000 },
      { stage_key: 'sal', owner_key: 2, currency: 'RUB', leads: 1, valued: 1, value_minor: 700000 },
      { stage_key: 'sql', owner_key: 1, currency: 'USD', leads: 3, valued: 2, value_minor: 750000 },
    ]);
  });

  it('every write that changes what is counted keeps the totals equal to a count from scratch', () => {
    const db = upgraded();
    const writes = [
      "INSERT INTO leads (id, stage_key, position, owner_id, deal_value_minor, currency, stage_entered_at, created_at, updated_at) VALUES (8, 'mql', 'a0', 2, 300, 'USD', 0, 0, 0)",
      "INSERT INTO leads (id, stage_key, position, deleted_at, stage_entered_at, created_at, updated_at) VALUES (9, 'mql', 'a1', 7, 0, 0, 0)",
      "UPDATE leads SET stage_key = 'won' WHERE id = 1",
      'UPDATE leads SET owner_id = NULL WHERE id = 2',
      "UPDATE leads SET currency = 'EUR', deal_value_minor = 1 WHERE id = 3",
      'UPDATE leads SET deal_value_minor = NULL WHERE id = 5',
      'UPDATE leads SET deleted_at = 10 WHERE id = 4',
      'UPDATE leads SET deleted_at = NULL WHERE id = 7',
      'DELETE FROM leads WHERE id = 6',
      'DELETE FROM leads WHERE id = 9',
      'DELETE FROM team_members WHERE id = 2',
      // A stage key renamed reaches leads by ON UPDATE CASCADE.
      "UPDATE stages SET key = 'sales_qualified' WHERE key = 'sql'",
    ];
    for (const write of writes) {
      db.exec(write);
      expect(leadTotals(db), write).toEqual(leadTotalsFromScratch(db));
    }
    expect(leadTotals(db)).toContainEqual({ stage_key: 'sales_qualified', owner_key: 1, currency: 'USD', leads: 1, valued: 1, value_minor: 900000 });
  });

  it('a reorder, a rename or a touch does not write the totals', () => {
    const db = upgraded();
    db.exec("CREATE TEMP TRIGGER totals_written AFTER UPDATE ON lead_totals BEGIN SELECT raise(ABORT, 'totals written'); END");
    expect(() => db.exec("UPDATE leads SET position = 'z9', first_name = 'Anna', updated_at = 99, score = 3 WHERE id = 1")).not.toThrow();
    expect(() => db.exec("UPDATE leads SET stage_key = 'sal' WHERE id = 1")).toThrow('totals written');
  });

  it('a lead inserted while a bulk writer holds the flag is left to the writer', () => {
    const db = upgraded();
    const before = leadTotals(db);
    db.exec(`
      INSERT INTO bulk_write (since) VALUES (1);
      INSERT INTO leads (id, stage_key, position, stage_entered_at, created_at, updated_at) VALUES (10, 'mql', 'b0', 0, 0, 0);
      DELETE FROM bulk_write;`);
    expect(leadTotals(db)).toEqual(before);
  });
});
