import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';
import { createTestServices, FULL, type TestServices } from '../../support/services.ts';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function services(): TestServices {
  const t = createTestServices();
  open.push(t);
  return t;
}

const dirty = (db: Database.Database) => (db.prepare('SELECT lead_id FROM report_dirty ORDER BY lead_id').all() as { lead_id: number }[]).map((row) => row.lead_id);

describe('0008 derived tables for funnel reports', () => {
  it('marks the leads already there for the first build and seeds a stale limit per open stage', () => {
    const db = new Database(':memory:');
    open.push(db);
    migrate(db, MIGRATIONS.slice(0, 7));
    db.exec(`
      INSERT INTO leads (id, stage_key, position, stage_entered_at, created_at, updated_at) VALUES (1, 'awareness', 'a0', 1, 1, 1), (2, 'mql', 'a0', 1, 1, 1);
    `);
    migrate(db, MIGRATIONS.slice(0, 8));
    expect(schemaVersion(db)).toBe(8);
    expect(dirty(db)).toEqual([1, 2]);
    expect(db.prepare('SELECT stage_key, stale_after_days FROM report_stage_limits ORDER BY stage_key').all()).toEqual([
      { stage_key: 'awareness', stale_after_days: 60 },
      { stage_key: 'consideration', stale_after_days: 30 },
      { stage_key: 'conversion', stale_after_days: 21 },
      { stage_key: 'mql', stale_after_days: 7 },
      { stage_key: 'sal', stale_after_days: 14 },
      { stage_key: 'sql', stale_after_days: 30 },
    ]);
  });

  it('triggers mark a lead on every move and on edits of what reports carry, not on rescoring or other fields', () => {
    const t = services();
    const lead = t.leads.create(FULL, 'mql');
    expect(dirty(t.db)).toEqual([lead.id]);
    t.db.exec('DELETE FROM report_dirty');
    t.leads.update(lead.id, { firstName: 'Another' });
    t.scoring.rescoreAll();
    t.leads.addNote(lead.id, 'Called.');
    expect(dirty(t.db)).toEqual([]);
    t.leads.update(lead.id, { source: 'Webinar' });
    expect(dirty(t.db)).toEqual([lead.id]);
    t.db.exec('DELETE FROM report_dirty');
    t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null });
    expect(dirty(t.db)).toEqual([lead.id]);
    t.db.exec('DELETE FROM report_dirty');
    t.leads.delete(lead.id);
    expect(dirty(t.db)).toEqual([lead.id]);
  });

  it('has an index for each report\'s access path', () => {
    const t = services();
    const indexes = (t.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'report_%' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['report_journeys_closed', 'report_journeys_started', 'report_rung_entries_time', 'report_stays_entered', 'report_stays_left', 'report_stays_open']),
    );
  });
});
