import type { Database } from 'better-sqlite3';

const TOTALS = `
  SELECT stage_key, owner_key, currency, leads, valued, value_minor FROM lead_totals
  WHERE leads <> 0 OR valued <> 0 OR value_minor <> 0 ORDER BY 1, 2, 3`;

const FROM_SCRATCH = `
  SELECT stage_key, coalesce(owner_id, 0) AS owner_key, currency, count(*) AS leads, count(deal_value_minor) AS valued,
    coalesce(sum(deal_value_minor), 0) AS value_minor
  FROM leads WHERE deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

/** lead_totals (migration 0014) without the rows emptied to zero. */
export function leadTotals(db: Database): unknown[] {
  return db.prepare(TOTALS).all();
}

/** What lead_totals must hold: the live leads counted from scratch. */
export function leadTotalsFromScratch(db: Database): unknown[] {
  return db.prepare(FROM_SCRATCH).all();
}
