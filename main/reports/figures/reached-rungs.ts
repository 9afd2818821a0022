import type { Sql } from '../../store/filter/compile-filter.ts';
import { all, type ReportContext } from '../report-context.ts';

/**
 * Figures per rung over the journeys that reached it. A journey reached every rung up to its
 * highest (skips count), so rung r holds the journeys whose max_rung ≥ r: grouped by highest rung,
 * then summed from the top down in SQL. `journeys` is a facts() subquery of journeys (a max_rung
 * column and a count n); `sums` names each figure and its SQL aggregate over one group of it, `f`
 * (code-written, never user input), e.g. `{ won: "sum(f.n * (f.outcome = 'won'))" }`.
 * The result has one entry per rung of the ladder.
 */
export function reachedRungs<K extends string>(ctx: ReportContext, journeys: Sql, sums: Record<K, string>): Record<K, number>[] {
  const names = Object.keys(sums) as K[];
  const rows = all<{ rung: number } & Record<K, number>>(ctx, {
    sql: `
      WITH per_max AS (
        SELECT f.max_rung AS rung, ${names.map((name) => `${sums[name]} AS ${name}`).join(', ')}
        FROM (${journeys.sql}) f GROUP BY f.max_rung
      )
      SELECT rung, ${names.map((name) => `sum(${name}) OVER top_down AS ${name}`).join(', ')}
      FROM per_max WINDOW top_down AS (ORDER BY rung DESC)`,
    params: journeys.params,
  });
  // A rung nobody stopped at has no row: it holds what the next rung up holds.
  const byRung = new Map(rows.map((row) => [row.rung, row]));
  const figures = (row: Record<K, number> | undefined) => Object.fromEntries(names.map((name) => [name, row ? row[name] : 0])) as Record<K, number>;
  const out: Record<K, number>[] = [];
  let carry = figures(undefined);
  for (let rung = ctx.rungs.length - 1; rung >= 0; rung--) {
    const row = byRung.get(rung);
    if (row) carry = figures(row);
    out[rung] = carry;
  }
  return out;
}
