import type { Sql, SqlValue } from '../store/filter/compile-filter.ts';
import { DAY_MS, ROW_COLUMN, type DayTotals, type SliceColumn } from './day-totals.ts';
import type { ReportContext } from './report-context.ts';

export interface FactsOptions {
  /** Also return the value of this slice column as `grp` (null: no grouping). */
  group?: Exclude<SliceColumn, ''>;
  /** Only rows whose dim is one of these values (never null). */
  match?: Record<string, readonly SqlValue[]>;
}

/**
 * The rows of `totals` whose instant falls in [startMs, endMs), in the report's segment, as a
 * subquery of `(grp, <dims...>, n)`: a figure sums `n` (a count of derived rows) where it counted
 * rows. The whole UTC days inside the range are read from the per-day totals; the partial days at
 * its edges (a period starts at local midnight) from the derived rows themselves, one row per fact.
 * So are segments and groupings the totals are not counted by (see DayTotals.slices): industry,
 * saved views, and a segment of one column grouped by another.
 */
export function facts(ctx: ReportContext, totals: DayTotals, range: { startMs: number; endMs: number }, options: FactsOptions = {}): Sql {
  const dims = Object.entries(totals.dims);
  const match = Object.entries(options.match ?? {});
  const matchSql = (column: (dim: string) => string) => match.map(([dim, values]) => ` AND ${column(dim)} IN (${values.map(() => '?').join(', ')})`).join('');
  const matchParams = match.flatMap(([, values]) => values);
  const segment = ctx.segment.onRow('x');
  const rows = (startMs: number, endMs: number): Sql => ({
    sql: `
      SELECT ${options.group ? `x.${ROW_COLUMN[options.group]}` : 'NULL'} AS grp, ${dims.map(([name, expr]) => `${expr} AS ${name}`).join(', ')}, 1 AS n
      FROM ${totals.rows} x
      WHERE (${totals.when}) AND x.${totals.time} >= ? AND x.${totals.time} < ?${matchSql((dim) => totals.dims[dim]!)} AND ${segment.sql}`,
    params: [startMs, endMs, ...matchParams, ...segment.params],
  });
  const slice = sliceFor(ctx, totals, options.group);
  if (slice === null) return rows(range.startMs, range.endMs);
  const firstDay = Math.ceil(range.startMs / DAY_MS);
  const endDay = Math.floor(range.endMs / DAY_MS);
  const whole = firstDay < endDay;
  const summed: Sql = {
    sql: `
      SELECT ${options.group ? "nullif(slice_value, X'')" : 'NULL'} AS grp, ${dims.map(([name]) => `nullif(${name}, X'') AS ${name}`).join(', ')}, n
      FROM ${totals.table}
      WHERE slice = ?${slice.value ? " AND slice_value = coalesce(?, X'')" : ''} AND day >= ? AND day < ?${matchSql((dim) => dim)}`,
    params: [slice.column, ...(slice.value ? [slice.value.is] : []), whole ? firstDay : 0, whole ? endDay : 0, ...matchParams],
  };
  // One SQL shape whether or not the range holds a whole day (a statement is prepared once per shape).
  const before = whole ? rows(range.startMs, firstDay * DAY_MS) : rows(range.startMs, range.endMs);
  const after = whole ? rows(endDay * DAY_MS, range.endMs) : rows(range.endMs, range.endMs);
  return { sql: [summed, before, after].map((part) => part.sql).join('\n      UNION ALL'), params: [summed, before, after].flatMap((part) => part.params) };
}

/** The slice of the totals that holds this segment and grouping (a value to match for a segment), or null. */
function sliceFor(ctx: ReportContext, totals: DayTotals, group: FactsOptions['group']): { column: SliceColumn; value: { is: SqlValue } | null } | null {
  const segment = ctx.segment.slice;
  if (segment === null) return null;
  if (segment.column === '') return group === undefined ? { column: '', value: null } : totals.slices.includes(group) ? { column: group, value: null } : null;
  return group === undefined && totals.slices.includes(segment.column) ? { column: segment.column, value: { is: segment.value } } : null;
}
