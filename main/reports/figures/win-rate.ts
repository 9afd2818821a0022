import type { WinRateCell, WinRateFigures } from '../../../shared/domain/reports.ts';
import { ratio } from '../../../shared/domain/reports.ts';
import { localMidnightMs, addDays, periodBuckets, type PeriodBounds } from '../../../shared/domain/report-period.ts';
import { all, and, one, within, type ReportContext } from '../report-context.ts';

interface Counts {
  won: number;
  lost: number;
  disqualified: number;
}

const COUNTS = `
  coalesce(sum(j.outcome = 'won'), 0) AS won, coalesce(sum(j.outcome = 'lost'), 0) AS lost,
  coalesce(sum(j.outcome = 'disqualified'), 0) AS disqualified`;

function cell(counts: Counts): WinRateCell {
  return { won: counts.won, lost: counts.lost, disqualified: counts.disqualified, winRate: ratio(counts.won, counts.won + counts.lost) };
}

/**
 * Journeys closed in the period: won / (won + lost). Disqualified leads (turned down before SQL) are
 * counted beside it but are not losses of a deal, so they stay out of the rate.
 */
export function winRateFigures(ctx: ReportContext, bounds: PeriodBounds): WinRateFigures {
  const where = and(within('j.closed_at', bounds), ctx.segment.onRow('j'));
  const total = one<Counts>(ctx, { sql: `SELECT ${COUNTS} FROM report_journeys j WHERE ${where.sql}`, params: where.params });
  const byOwner = all<Counts & { ownerId: number | null; ownerName: string | null }>(ctx, {
    sql: `
      SELECT j.owner_id AS ownerId, m.name AS ownerName, ${COUNTS}
      FROM report_journeys j LEFT JOIN team_members m ON m.id = j.owner_id
      WHERE ${where.sql} GROUP BY j.owner_id ORDER BY won DESC, ownerName`,
    params: where.params,
  });
  const bySource = all<Counts & { source: string | null }>(ctx, {
    sql: `SELECT j.source, ${COUNTS} FROM report_journeys j WHERE ${where.sql} GROUP BY j.source ORDER BY won DESC, j.source`,
    params: where.params,
  });
  // Buckets as a small table driving the index: one range scan per bucket.
  const buckets = periodBuckets(bounds).map((bucket, index) => ({
    ...bucket,
    index,
    startMs: localMidnightMs(bucket.from, bounds.timeZone),
    endMs: localMidnightMs(addDays(bucket.to, 1), bounds.timeZone),
  }));
  const segment = ctx.segment.onRow('j');
  const trendRows = all<Counts & { bucket: number }>(ctx, {
    sql: `
      WITH b (i, lo, hi) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))
      SELECT b.i AS bucket, ${COUNTS}
      FROM b JOIN report_journeys j ON j.closed_at >= b.lo AND j.closed_at < b.hi
      WHERE ${segment.sql} GROUP BY b.i`,
    params: [JSON.stringify(buckets.map((b) => [b.index, b.startMs, b.endMs])), ...segment.params],
  });
  const byBucket = new Map(trendRows.map((row) => [row.bucket, row]));
  return {
    total: cell(total),
    byOwner: byOwner.map((row) => ({ ownerId: row.ownerId, ownerName: row.ownerName ?? 'Unassigned', ...cell(row) })),
    bySource: bySource.map((row) => ({ source: row.source, ...cell(row) })),
    trend: buckets.map((b) => ({ label: b.label, from: b.from, to: b.to, ...cell(byBucket.get(b.index) ?? { won: 0, lost: 0, disqualified: 0 }) })),
  };
}

