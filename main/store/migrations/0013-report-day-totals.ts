import type { Migration } from './migration.ts';

/** The report indexes the catch-up still has to create (its bulk build drops and recreates them). */
const DROPPED_INDEXES_KEY = 'reports.dropped_indexes';

const NEW_INDEXES = [
  // Time in stage: a median is read from the stays of one length in whole quarter-days (the totals
  // say which), in order; days >= 0 (a stay ends after it starts), so CAST is floor.
  {
    name: 'report_stays_length',
    sql: `CREATE INDEX report_stays_length ON report_stays (
      stage_key, CAST(days * 4 AS INTEGER), left_at, days, source, owner_id, persona, lead_id) WHERE left_at IS NOT NULL`,
  },
  // Velocity: the wins of a period with their MQL time, without reading the journey rows.
  {
    name: 'report_journeys_won',
    sql: `CREATE INDEX report_journeys_won ON report_journeys (
      closed_at, mql_at, source, owner_id, persona, lead_id) WHERE outcome = 'won' AND mql_at IS NOT NULL`,
  },
];

/** Set while the day totals do not match the derived rows; the report catch-up refills them (main/reports/day-totals-upkeep.ts). */
export const DAY_TOTALS_STALE_KEY = 'reports.day_totals_stale';

/**
 * One table of counts per UTC day. Every derived row is counted once over all leads (slice '') and
 * once more under its value of each column a report groups by or is narrowed to (slice 'source' |
 * 'owner' | 'persona'), so that either reads one contiguous key range. Key columns cannot hold NULL
 * in a WITHOUT ROWID table: a NULL is stored as the empty blob X'', which no text or number equals.
 */
function dayTotals(table: string, dims: string[]): string {
  return `
    CREATE TABLE ${table} (
      slice TEXT NOT NULL,
      slice_value ANY NOT NULL,
      day INTEGER NOT NULL,
      ${dims.map((dim) => `${dim} ANY NOT NULL,`).join('\n      ')}
      n INTEGER NOT NULL,
      PRIMARY KEY (slice, slice_value, day, ${dims.join(', ')})
    ) STRICT, WITHOUT ROWID;`;
}

/**
 * Per-day totals of the derived report tables (0008), so that a report over a period sums a few
 * thousand rows instead of scanning a million: the whole UTC days inside the period come from
 * here, the partial days at its edges from the derived rows. Created empty and marked stale: the
 * report worker fills them from the derived rows on its next catch-up (set-based, seconds), so
 * that opening a big DB stays quick.
 */
export const reportDayTotals: Migration = {
  version: 13,
  name: 'per-day totals for funnel reports',
  up(db) {
    db.exec(`
      ${dayTotals('report_day_starts', ['max_rung', 'start_kind'])}
      ${dayTotals('report_day_start_ends', ['start_kind', 'start_reason', 'outcome', 'lost_from_stage'])}
      ${dayTotals('report_day_closes', ['outcome', 'max_rung'])}
      ${dayTotals('report_day_losses', ['outcome', 'lost_from_stage', 'lost_reason'])}
      ${dayTotals('report_day_rungs', ['rung', 'start_kind'])}
      ${dayTotals('report_day_stays_ended', ['stage_key', 'quarter_days'])}
      ${dayTotals('report_day_moves', ['by_member_id'])}
      ${dayTotals('report_day_open_stays', ['stage_key'])}

      INSERT INTO settings (key, value) VALUES ('${DAY_TOTALS_STALE_KEY}', '1')
      ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    `);
    // Over millions of derived rows the new indexes take seconds to build: then they are listed with
    // the indexes a bulk build dropped, which the report catch-up creates (main/reports/catch-up.ts),
    // not built here while the app opens.
    if (!db.prepare('SELECT 1 FROM report_journeys LIMIT 1').get()) {
      for (const index of NEW_INDEXES) db.exec(index.sql);
      return;
    }
    const dropped = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(DROPPED_INDEXES_KEY);
    const indexes = [...(dropped ? (JSON.parse(dropped.value) as { name: string; sql: string }[]) : []), ...NEW_INDEXES];
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(DROPPED_INDEXES_KEY, JSON.stringify(indexes));
  },
};
