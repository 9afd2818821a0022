import type { WinRateCell, WinRateFigures } from '../../../shared/domain/reports.ts';
import { ratio } from '../../../shared/domain/reports.ts';
import { localMidnightMs, addDays, periodBuckets, type PeriodBounds } from '../../../shared/domain/report-period.ts';
import { CLOSES } from '../day-totals.ts';
import { all, one, type ReportContext } from '../report-context.ts';
import { facts } from '../report-facts.ts';

interface Counts {
  won: number;
  lost: number;
  disqualified: number;
}

/** Over a facts() subquery `f` of closed journeys. */
const COUNTS = `
  coalesce(sum(f.n * (f.outcome = 'won')), 0) AS won, coalesce(sum(f.n * (f.outcome = 'lost')), 0) AS lost,
  coalesce(sum(f.n * (f.outcome = 'disqualified')), 0) AS disqualified`;

function cell(counts: Counts): WinRateCell {
  return { won: counts.won, lost: counts.lost, disqualified: counts.disqualified, winRate: ratio(counts.won, counts.won + counts.lost) };
}

/**
 * Journeys closed in the period: won / (won + lost). Disqualified leads (turned down before SQL) are
 * counted beside it but are not losses of a deal, so they stay out of the rate.
 */
export function winRateFigures(ctx: ReportContext, bounds: PeriodBounds): WinRateFigures {
  const counts = (range: { startMs: number; endMs: number }) => {
    const closed = facts(ctx, CLOSES, range);
    return one<Counts>(ctx, { sql: `SELECT ${COUNTS} FROM (${closed.sql}) f`, params: closed.params });
  };
  const byOwnerFacts = facts(ctx, CLOSES, bounds, { group: 'owner' });
  const byOwner = all<Counts & { ownerId: number | null; ownerName: string | null }>(ctx, {
    sql: `
      SELECT f.grp AS ownerId, m.name AS ownerName, ${COUNTS}
      FROM (${byOwnerFacts.sql}) f LEFT JOIN team_members m ON m.id = f.grp
      GROUP BY f.grp HAVING sum(f.n) > 0 ORDER BY won DESC, ownerName`,
    params: byOwnerFacts.params,
  });
  const bySourceFacts = facts(ctx, CLOSES, bounds, { group: 'source' });
  const bySource = all<Counts & { source: string | null }>(ctx, {
    sql: `SELECT f.grp AS source, ${COUNTS} FROM (${bySourceFacts.sql}) f GROUP BY f.grp HAVING sum(f.n) > 0 ORDER BY won DESC, f.grp`,
    params: bySourceFacts.params,
  });
  // Each bucket is a range of its own: its whole UTC days from the totals, its edges from the rows.
  const trend = periodBuckets(bounds).map((bucket) => {
    const range = { startMs: localMidnightMs(bucket.from, bounds.timeZone), endMs: localMidnightMs(addDays(bucket.to, 1), bounds.timeZone) };
    return { label: bucket.label, from: bucket.from, to: bucket.to, ...cell(counts(range)) };
  });
  return {
    total: cell(counts(bounds)),
    byOwner: byOwner.map((row) => ({ ownerId: row.ownerId, ownerName: row.ownerName ?? 'Unassigned', ...cell(row) })),
    bySource: bySource.map((row) => ({ source: row.source, ...cell(row) })),
    trend,
  };
}

