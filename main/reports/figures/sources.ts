import type { CountingMode, SourceRow, SourcesFigures } from '../../../shared/domain/reports.ts';
import { ratio } from '../../../shared/domain/reports.ts';
import type { PeriodBounds } from '../../../shared/domain/report-period.ts';
import { RUNGS, STARTS } from '../day-totals.ts';
import { all, type ReportContext } from '../report-context.ts';
import { facts } from '../report-facts.ts';

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
    const journeys = facts(ctx, STARTS, bounds, { group: column });
    counts = all<Counts>(ctx, {
      sql: `
        SELECT f.grp AS key, sum(f.n) AS leads, sum(f.n * (f.start_kind = 'recycled')) AS recycled,
          sum(f.n * (f.max_rung >= ?)) AS mqls, sum(f.n * (f.max_rung >= ?)) AS sqls, sum(f.n * (f.max_rung >= ?)) AS wins
        FROM (${journeys.sql}) f GROUP BY f.grp HAVING sum(f.n) > 0`,
      params: [mqlRung, sqlRung, wonRung, ...journeys.params],
    });
  } else {
    // Rung 0 is passed when a journey starts, so its entries are the journeys started in the period.
    const entries = facts(ctx, RUNGS, bounds, { group: column, match: { rung: [0, mqlRung, sqlRung, wonRung] } });
    counts = all<Counts>(ctx, {
      sql: `
        SELECT f.grp AS key, sum(f.n * (f.rung = 0)) AS leads, sum(f.n * (f.rung = 0 AND f.start_kind = 'recycled')) AS recycled,
          sum(f.n * (f.rung = ?)) AS mqls, sum(f.n * (f.rung = ?)) AS sqls, sum(f.n * (f.rung = ?)) AS wins
        FROM (${entries.sql}) f GROUP BY f.grp HAVING sum(f.n) > 0`,
      params: [mqlRung, sqlRung, wonRung, ...entries.params],
    });
  }
  return counts
    .map((row) => ({ ...row, leadToMql: ratio(row.mqls, row.leads), mqlToSql: ratio(row.sqls, row.mqls), leadToWin: ratio(row.wins, row.leads) }))
    .sort((a, b) => b.leads - a.leads || b.wins - a.wins || String(a.key).localeCompare(String(b.key)));
}
