import type { ReasonCount, ReasonsFigures } from '../../../shared/domain/reports.ts';
import type { PeriodBounds } from '../../../shared/domain/report-period.ts';
import { all, and, sql, within, type ReportContext } from '../report-context.ts';

/** Shown for a move recorded without a reason (old data, imports). */
export const NO_REASON = '(no reason given)';

interface ReasonRow extends ReasonCount {
  kind: 'lost' | 'disqualified' | 'recycled';
}

/**
 * Why journeys ended and came back, ranked: lost and disqualification reasons of the journeys closed
 * lost in the period, recycling reasons of the journeys that started again in the period.
 */
export function reasonsFigures(ctx: ReportContext, bounds: PeriodBounds): ReasonsFigures {
  const closed = and(within('j.closed_at', bounds), sql("j.outcome IN ('lost', 'disqualified')"), ctx.segment.onRow('j'));
  const recycled = and(within('j.started_at', bounds), sql("j.start_kind = 'recycled'"), ctx.segment.onRow('j'));
  const rows = all<ReasonRow>(ctx, {
    sql: `
      WITH reasons (kind, reason) AS (
        SELECT j.outcome, coalesce(j.lost_reason, ?) FROM report_journeys j WHERE ${closed.sql}
        UNION ALL
        SELECT 'recycled', coalesce(j.start_reason, ?) FROM report_journeys j WHERE ${recycled.sql}
      )
      SELECT kind, reason, count(*) AS count, count(*) * 1.0 / sum(count(*)) OVER (PARTITION BY kind) AS share
      FROM reasons GROUP BY kind, reason ORDER BY kind, count DESC, reason`,
    params: [NO_REASON, ...closed.params, NO_REASON, ...recycled.params],
  });
  const of = (kind: ReasonRow['kind']) => rows.filter((row) => row.kind === kind).map(({ reason, count, share }) => ({ reason, count, share }));
  const lost = of('lost');
  const disqualified = of('disqualified');
  const recycledRows = of('recycled');
  const sum = (list: ReasonCount[]) => list.reduce((total, row) => total + row.count, 0);
  return { lost, disqualified, recycled: recycledRows, totals: { lost: sum(lost), disqualified: sum(disqualified), recycled: sum(recycledRows) } };
}
