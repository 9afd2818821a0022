import type { Migration } from './migration.ts';

/** Fires only when no bulk writer holds the flag (see 0011); the CSV import adds its batches itself. */
const NO_BULK_WRITE = 'NOT EXISTS (SELECT 1 FROM bulk_write)';

/** What one live lead adds to its total (sign 1) or takes from it (sign -1), as a SELECT of one row. */
function tally(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `SELECT ${row}.stage_key, coalesce(${row}.owner_id, 0), ${row}.currency, ${sign}, ${sign} * (${row}.deal_value_minor IS NOT NULL), ${sign} * coalesce(${row}.deal_value_minor, 0)`;
}

/** Adds a SELECT's rows (stage, owner key, currency, leads, valued, value) to lead_totals. */
function addToLeadTotals(select: string): string {
  return `
    INSERT INTO lead_totals (stage_key, owner_key, currency, leads, valued, value_minor) ${select}
    ON CONFLICT (stage_key, owner_key, currency) DO UPDATE SET
      leads = leads + excluded.leads, valued = valued + excluded.valued, value_minor = value_minor + excluded.value_minor;`;
}

/** Adds the leads of `from` (a table of lead rows) that meet `live` to lead_totals. */
export function addLeadsToTotals(from: string, live: string): string {
  return addToLeadTotals(`
    SELECT stage_key, coalesce(owner_id, 0), currency, count(*), count(deal_value_minor), coalesce(sum(deal_value_minor), 0)
    FROM ${from} WHERE ${live} GROUP BY 1, 2, 3`);
}

/**
 * Live leads counted per stage, owner and currency, with how many carry a deal value and its sum,
 * kept by triggers. The team and pipeline reports, the board's column headers and the live lead
 * count read them here (tens of rows) instead of summing the live leads (some 600,000 open ones at
 * a million: about 0.3 s per report).
 *
 * owner_key is the owner's id, 0 for none: SQLite's uniqueness treats NULLs as distinct, so a
 * nullable key could not be upserted. Totals are only ever added to: a stage, owner or currency
 * that empties keeps its row at zero.
 *
 * A lead counts while deleted_at is NULL; an update that changes none of the five columns read
 * here (a reorder, a rename) does not fire. A stage key renamed in stages reaches leads by ON
 * UPDATE CASCADE, i.e. as an update of stage_key, and moves its totals with it.
 */
export const leadTotals: Migration = {
  version: 14,
  name: 'live lead totals per stage, owner and currency',
  up(db) {
    db.exec(`
      CREATE TABLE lead_totals (
        stage_key TEXT NOT NULL,
        owner_key INTEGER NOT NULL,
        currency TEXT NOT NULL,
        leads INTEGER NOT NULL,
        valued INTEGER NOT NULL,
        value_minor INTEGER NOT NULL,
        PRIMARY KEY (stage_key, owner_key, currency)
      ) STRICT, WITHOUT ROWID;

      ${addLeadsToTotals('leads', 'deleted_at IS NULL')}

      CREATE TRIGGER lead_totals_insert AFTER INSERT ON leads WHEN NEW.deleted_at IS NULL AND ${NO_BULK_WRITE} BEGIN
        ${addToLeadTotals(`${tally('NEW', 1)} WHERE true`)}
      END;

      CREATE TRIGGER lead_totals_delete AFTER DELETE ON leads WHEN OLD.deleted_at IS NULL BEGIN
        ${addToLeadTotals(`${tally('OLD', -1)} WHERE true`)}
      END;

      CREATE TRIGGER lead_totals_update AFTER UPDATE OF stage_key, owner_id, currency, deal_value_minor, deleted_at ON leads
      WHEN OLD.stage_key IS NOT NEW.stage_key OR OLD.owner_id IS NOT NEW.owner_id OR OLD.currency IS NOT NEW.currency
        OR OLD.deal_value_minor IS NOT NEW.deal_value_minor OR OLD.deleted_at IS NOT NEW.deleted_at
      BEGIN
        ${addToLeadTotals(`${tally('OLD', -1)} WHERE OLD.deleted_at IS NULL`)}
        ${addToLeadTotals(`${tally('NEW', 1)} WHERE NEW.deleted_at IS NULL`)}
      END;
    `);
  },
};
