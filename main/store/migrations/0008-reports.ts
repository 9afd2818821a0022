import type { Migration } from './migration.ts';

/** Days a lead may sit in a stage before the Time in stage report lists it as stale. */
const DEFAULT_STALE_AFTER_DAYS: Record<string, number> = { awareness: 60, consideration: 30, conversion: 21, mql: 7, sal: 14, sql: 30 };

/** Leads whose report rows must be recomputed: marked by triggers, so that no writer can forget it. */
function dirtyTriggers(): string {
  // An upsert, not INSERT OR IGNORE: a trigger's OR IGNORE gives way to the outer statement's conflict
  // policy (e.g. the ABORT of a foreign-key SET NULL), and a second mark would then fail the write.
  const mark = (expr: string) => `INSERT INTO report_dirty (lead_id) VALUES (${expr}) ON CONFLICT (lead_id) DO NOTHING;`;
  return `
    CREATE TRIGGER report_dirty_transition_insert AFTER INSERT ON stage_transitions BEGIN ${mark('NEW.lead_id')} END;
    CREATE TRIGGER report_dirty_transition_update AFTER UPDATE ON stage_transitions BEGIN ${mark('OLD.lead_id')} ${mark('NEW.lead_id')} END;
    CREATE TRIGGER report_dirty_transition_delete AFTER DELETE ON stage_transitions BEGIN ${mark('OLD.lead_id')} END;
    CREATE TRIGGER report_dirty_lead_insert AFTER INSERT ON leads BEGIN ${mark('NEW.id')} END;
    -- Only the columns the report rows carry: rescoring a million leads must not dirty them all.
    CREATE TRIGGER report_dirty_lead_update AFTER UPDATE OF deleted_at, source, owner_id, persona, created_at ON leads
    WHEN OLD.deleted_at IS NOT NEW.deleted_at OR OLD.source IS NOT NEW.source OR OLD.owner_id IS NOT NEW.owner_id
      OR OLD.persona IS NOT NEW.persona OR OLD.created_at IS NOT NEW.created_at
    BEGIN ${mark('NEW.id')} END;
    CREATE TRIGGER report_dirty_lead_delete AFTER DELETE ON leads BEGIN ${mark('OLD.id')} END;`;
}

/**
 * Derived tables for the funnel reports, kept up to date incrementally (see main/reports/catch-up.ts):
 * the history of each lead is turned into journeys, the rungs each journey passed and the stays in
 * each stage, so that every report is a few indexed range scans instead of a walk over millions of
 * transitions. Deleted leads have no rows here. Lead attributes a report can be narrowed by (source,
 * owner, persona) are copied onto every row, so that a segment needs no join.
 */
export const reports: Migration = {
  version: 8,
  name: 'derived tables for funnel reports',
  up(db) {
    db.exec(`
      CREATE TABLE report_journeys (
        id INTEGER PRIMARY KEY,
        lead_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        start_kind TEXT NOT NULL CHECK (start_kind IN ('created', 'recycled')),
        started_at INTEGER NOT NULL,
        start_stage TEXT NOT NULL,
        start_reason TEXT,
        max_rung INTEGER NOT NULL,
        mql_at INTEGER,
        outcome TEXT CHECK (outcome IN ('won', 'lost', 'disqualified')),
        closed_at INTEGER,
        lost_reason TEXT,
        lost_from_stage TEXT,
        source TEXT,
        owner_id INTEGER,
        persona TEXT,
        UNIQUE (lead_id, seq)
      ) STRICT;
      -- Each report index ends with the segment columns (source, owner, persona, lead), so that a
      -- narrowed report still reads the index alone.
      -- Cohort funnel and sources: journeys started in a period, by how far they got.
      CREATE INDEX report_journeys_started ON report_journeys (
        started_at, max_rung, start_kind, lost_from_stage, source, owner_id, persona, lead_id);
      -- Win rate, reasons, velocity and observed win rate: journeys closed in a period.
      CREATE INDEX report_journeys_closed ON report_journeys (
        closed_at, outcome, max_rung, lost_from_stage, source, owner_id, persona, lead_id) WHERE closed_at IS NOT NULL;

      -- The first time a journey passed each rung (skipped rungs at the time of the skipping move).
      CREATE TABLE report_rung_entries (
        journey_id INTEGER NOT NULL,
        rung INTEGER NOT NULL,
        entered_at INTEGER NOT NULL,
        lead_id INTEGER NOT NULL,
        start_kind TEXT NOT NULL,
        skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),
        source TEXT,
        owner_id INTEGER,
        persona TEXT,
        PRIMARY KEY (journey_id, rung)
      ) STRICT, WITHOUT ROWID;
      -- Activity funnel and sources: rungs passed in a period.
      CREATE INDEX report_rung_entries_time ON report_rung_entries (rung, entered_at, start_kind, source, owner_id, persona, lead_id);

      -- Each stay of a lead in a stage; left_at is null for the stage it is in now.
      CREATE TABLE report_stays (
        journey_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        lead_id INTEGER NOT NULL,
        stage_key TEXT NOT NULL,
        entered_at INTEGER NOT NULL,
        left_at INTEGER,
        days REAL,
        entry TEXT NOT NULL CHECK (entry IN ('created', 'move')),
        by_member_id INTEGER,
        source TEXT,
        owner_id INTEGER,
        persona TEXT,
        PRIMARY KEY (journey_id, seq)
      ) STRICT, WITHOUT ROWID;
      -- Time in stage: finished stays by stage and end time, with their length for median().
      CREATE INDEX report_stays_left ON report_stays (stage_key, left_at, days, source, owner_id, persona, lead_id) WHERE left_at IS NOT NULL;
      -- Stale leads: current stays by stage, oldest first (left_at in it too, or "left_at IS NULL"
      -- would read every row).
      CREATE INDEX report_stays_open ON report_stays (stage_key, entered_at, left_at, source, owner_id, persona, lead_id) WHERE left_at IS NULL;
      -- Team: moves made and leads touched in a period, by member.
      CREATE INDEX report_stays_entered ON report_stays (entered_at, entry, by_member_id, source, owner_id, persona, lead_id);

      CREATE TABLE report_dirty (lead_id INTEGER PRIMARY KEY) STRICT;

      -- The stage ladder the rows were derived with: a changed ladder means a rebuild.
      CREATE TABLE report_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        ladder TEXT NOT NULL,
        built_at INTEGER
      ) STRICT;

      CREATE TABLE report_stage_limits (
        stage_key TEXT PRIMARY KEY REFERENCES stages (key) ON UPDATE CASCADE ON DELETE CASCADE,
        stale_after_days INTEGER CHECK (stale_after_days IS NULL OR stale_after_days BETWEEN 1 AND 3650)
      ) STRICT;

      -- Team: leads touched this week (activities by member and time).
      CREATE INDEX activities_by_time ON activities (at, by_member_id, lead_id);
      -- Team: open opportunities by owner without reading the lead rows.
      CREATE INDEX leads_stage_owner_value ON leads (stage_key, owner_id, currency, deal_value_minor) WHERE deleted_at IS NULL;

      ${dirtyTriggers()}

      -- Every existing lead is built on the first report (in the report worker, with progress).
      INSERT INTO report_dirty (lead_id) SELECT id FROM leads;
    `);
    const limit = db.prepare('INSERT INTO report_stage_limits (stage_key, stale_after_days) VALUES (?, ?)');
    for (const { key } of db.prepare("SELECT key FROM stages WHERE kind = 'open' ORDER BY position").all() as { key: string }[]) {
      limit.run(key, DEFAULT_STALE_AFTER_DAYS[key] ?? null);
    }
  },
};
