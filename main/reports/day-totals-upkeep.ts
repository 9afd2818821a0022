import type { Database } from 'better-sqlite3';
import { DAY_TOTALS_STALE_KEY } from '../store/migrations/0013-report-day-totals.ts';
import { ALL_DAY_TOTALS, daySql, ROW_COLUMN, type DayTotals } from './day-totals.ts';

/** A key column cannot hold NULL (WITHOUT ROWID): it holds the empty blob instead (see migration 0013). */
const keyOf = (expr: string) => `coalesce(${expr}, X'')`;

/** The derived rows of the leads listed in @leads (a JSON array), through each table's own key. */
function rowsOfLeads(totals: DayTotals): string {
  const leads = 'SELECT value FROM json_each(@leads)';
  return totals.rows === 'report_journeys' ? `x.lead_id IN (${leads})` : `x.journey_id IN (SELECT j.id FROM report_journeys j WHERE j.lead_id IN (${leads}))`;
}

/**
 * Adds @sign × the count of the chosen derived rows to a totals table, in every slice: the rows are
 * counted once per day, dims and slice columns (the one sort of the derived rows), then those few
 * groups are summed into each slice. One pass over millions of rows, not one per slice.
 */
function countSql(totals: DayTotals, chosen: string): string {
  const dims = Object.entries(totals.dims);
  const names = dims.map(([name]) => name);
  const columns = totals.slices.map((slice) => ROW_COLUMN[slice]);
  const valueOf = `CASE s.slice ${totals.slices.map((slice) => `WHEN '${slice}' THEN b.${ROW_COLUMN[slice]}`).join(' ')} END`;
  const positions = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i).join(', ');
  return `
    WITH base AS (
      SELECT ${daySql(`x.${totals.time}`)} AS day, ${dims.map(([name, expr]) => `${expr} AS ${name}`).join(', ')}${columns.map((column) => `, x.${column}`).join('')}, count(*) AS n
      FROM ${totals.rows} x WHERE (${totals.when}) AND ${chosen}
      GROUP BY ${positions(1, 1 + dims.length + columns.length)}
    ), slices (slice) AS (VALUES ${['', ...totals.slices].map((slice) => `('${slice}')`).join(', ')})
    INSERT INTO ${totals.table} (slice, slice_value, day, ${names.join(', ')}, n)
    SELECT s.slice, ${totals.slices.length > 0 ? keyOf(valueOf) : "X''"}, b.day, ${names.map((name) => keyOf(`b.${name}`)).join(', ')}, @sign * sum(b.n)
    FROM base b CROSS JOIN slices s WHERE 1
    GROUP BY ${positions(1, 3 + dims.length)}
    ON CONFLICT (slice, slice_value, day, ${names.join(', ')}) DO UPDATE SET n = n + excluded.n`;
}

/**
 * Keeps the per-day totals equal to counts over the derived report rows. The catch-up takes a
 * batch's counts away before deleting its leads' rows and adds them back after writing the new
 * ones, in the same transaction. A bulk build skips that and counts everything again at the end;
 * until then the totals are marked stale (in settings, so a build killed half-way is refilled on
 * the next run). A count that drops to zero keeps its row: reports read only groups above zero.
 */
export function createDayTotalsUpkeep(db: Database) {
  const countLeads = ALL_DAY_TOTALS.map((totals) => db.prepare(countSql(totals, rowsOfLeads(totals))));
  const countAll = ALL_DAY_TOTALS.map((totals) => db.prepare(countSql(totals, '1')));
  const clearAll = ALL_DAY_TOTALS.map((totals) => db.prepare(`DELETE FROM ${totals.table}`));
  const isStale = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const writeStale = db.prepare("INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const forgetStale = db.prepare('DELETE FROM settings WHERE key = ?');

  const clear = () => {
    for (const statement of clearAll) statement.run();
  };

  return {
    /** Adds (1) or takes away (-1) the counts of these leads' current derived rows. */
    countLeads(leadIds: string, sign: 1 | -1): void {
      for (const statement of countLeads) statement.run({ leads: leadIds, sign });
    },
    /** Empties the totals (with the derived rows, when the ladder changed). */
    clear,
    markStale(): void {
      writeStale.run(DAY_TOTALS_STALE_KEY);
    },
    /** Counts every derived row again, if the totals were marked stale; call inside a transaction. */
    refillIfStale(): boolean {
      if (!isStale.get(DAY_TOTALS_STALE_KEY)) return false;
      clear();
      for (const statement of countAll) statement.run({ sign: 1 });
      forgetStale.run(DAY_TOTALS_STALE_KEY);
      return true;
    },
  };
}

export type DayTotalsUpkeep = ReturnType<typeof createDayTotalsUpkeep>;
