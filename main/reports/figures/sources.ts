import type { CountingMode, SourceRow, SourcesFigures } from '../../../shared/domain/reports.ts';
import { ratio } from '../../../shared/domain/reports.ts';
import type { PeriodBounds } from '../../../shared/domain/report-period.ts';
import { all, and, rungList, sql, within, type ReportContext } from '../report-context.ts';

type Counts = Omit<SourceRow, 'leadToMql' | 'mqlToSql' | 'leadToWin'>;

/**
 * Leads, MQLs, SQLs and wins per source and per persona. cohort: journeys started in the period and
 * how far they got by today; activity: journeys started, and MQL / SQL / Closed-won passed, in the period.
 */
export function sourcesFigures(ctx: ReportContext, bounds: PeriodBounds, mode: CountingMode): SourcesFigures {
  return { bySource: rows(ctx, bounds, mode, 'source'), byPersona: rows(ctx, bounds, mode, 'persona') };
}

function rows(ctx: ReportContext, bounds: PeriodBounds, mode: CountingMode, column: 'source' | 'persona'): SourceRow[] {
  const { mqlRung, sqlRung, wonRung } = ctx;
  let counts: Counts[];
  if (mode === 'cohort') {
    const where = and(within('j.started_at', bounds), ctx.segment.onRow('j'));
    counts = all<Counts>(ctx, {
      sql: `
        SELECT j.${column} AS key, count(*) AS leads, sum(j.start_kind = 'recycled') AS recycled,
          sum(j.max_rung >= ?) AS mqls, sum(j.max_rung >= ?) AS sqls, sum(j.max_rung >= ?) AS wins
        FROM report_journeys j WHERE ${where.sql} GROUP BY j.${column}`,
      params: [mqlRung, sqlRung, wonRung, ...where.params],
    });
  } else {
    // Rung 0 is passed when a journey starts, so its entries are the journeys started in the period.
    const where = and(sql(`e.rung IN (${rungList([0, mqlRung, sqlRung, wonRung])})`), within('e.entered_at', bounds), ctx.segment.onRow('e'));
    counts = all<Counts>(ctx, {
      sql: `
        SELECT e.${column} AS key, sum(e.rung = 0) AS leads, sum(e.rung = 0 AND e.start_kind = 'recycled') AS recycled,
          sum(e.rung = ?) AS mqls, sum(e.rung = ?) AS sqls, sum(e.rung = ?) AS wins
        FROM report_rung_entries e WHERE ${where.sql} GROUP BY e.${column}`,
      params: [mqlRung, sqlRung, wonRung, ...where.params],
    });
  }
  return counts
    .map((row) => ({ ...row, leadToMql: ratio(row.mqls, row.leads), mqlToSql: ratio(row.sqls, row.mqls), leadToWin: ratio(row.wins, row.leads) }))
    .sort((a, b) => b.leads - a.leads || b.wins - a.wins || String(a.key).localeCompare(String(b.key)));
}
