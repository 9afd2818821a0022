import type { ReasonCount, ReasonsFigures } from '../../../shared/domain/reports.ts';
import type { PeriodBounds } from '../../../shared/domain/report-period.ts';
import { LOSSES, START_ENDS } from '../day-totals.ts';
import { all, type ReportContext } from '../report-context.ts';
import { facts } from '../report-facts.ts';

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
  const closed = facts(ctx, LOSSES, bounds);
  const started = facts(ctx, START_ENDS, bounds);
  const rows = all<ReasonRow>(ctx, {
    sql: `
      WITH reasons (kind, reason, n) AS (
        SELECT f.outcome, coalesce(f.lost_reason, ?), f.n FROM (${closed.sql}) f
        UNION ALL
        SELECT 'recycled', coalesce(f.start_reason, ?), f.n FROM (${started.sql}) f WHERE f.start_kind = 'recycled'
      )
      SELECT kind, reason, sum(n) AS count, sum(n) * 1.0 / sum(sum(n)) OVER (PARTITION BY kind) AS share
      FROM reasons GROUP BY kind, reason HAVING sum(n) > 0 ORDER BY kind, count DESC, reason`,
    params: [NO_REASON, ...closed.params, NO_REASON, ...started.params],
  });
  const of = (kind: ReasonRow['kind']) => rows.filter((row) => row.kind === kind).map(({ reason, count, share }) => ({ reason, count, share }));
  const lost = of('lost');
  const disqualified = of('disqualified');
  const recycledRows = of('recycled');
  const sum = (list: ReasonCount[]) => list.reduce((total, row) => total + row.count, 0);
  return { lost, disqualified, recycled: recycledRows, totals: { lost: sum(lost), disqualified: sum(disqualified), recycled: sum(recycledRows) } };
}
