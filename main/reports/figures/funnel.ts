import type { CountingMode, FunnelFigures, FunnelRow } from '../../../shared/domain/reports.ts';
import { ratio } from '../../../shared/domain/reports.ts';
import type { PeriodBounds } from '../../../shared/domain/report-period.ts';
import { all, and, rungList, sql, within, type ReportContext } from '../report-context.ts';
import { reachedRungs } from './reached-rungs.ts';

interface RungCount {
  rung: number;
  journeys: number;
  recycled: number;
}

interface LostCount {
  stageKey: string;
  lost: number;
}

/**
 * How many journeys reached each rung of the ladder, and the conversion between rungs.
 * cohort: journeys started in the period, followed to today; a journey reached every rung up to its
 * highest (skips count), so the count per highest rung is summed from the top down.
 * activity: rungs passed in the period (the first time in each journey).
 */
export function funnelFigures(ctx: ReportContext, bounds: PeriodBounds, mode: CountingMode): FunnelFigures {
  const reached = mode === 'cohort' ? cohortReached(ctx, bounds) : activityReached(ctx, bounds);
  const lost = new Map(lostFrom(ctx, bounds, mode).map((row) => [row.stageKey, row.lost]));
  const top = reached[0]?.journeys ?? 0;
  const rows: FunnelRow[] = ctx.rungs.map((stage, rung) => {
    const here = reached[rung] ?? { journeys: 0, recycled: 0 };
    const above = rung > 0 ? (reached[rung - 1]?.journeys ?? 0) : null;
    return {
      stageKey: stage.key,
      stageName: stage.name,
      funnel: stage.funnel,
      reached: here.journeys,
      reachedNew: here.journeys - here.recycled,
      reachedRecycled: here.recycled,
      lostHere: lost.get(stage.key) ?? 0,
      stepConversion: above === null ? null : ratio(here.journeys, above),
      cumulativeConversion: ratio(here.journeys, top),
    };
  });
  return { rows };
}

/** Journeys per rung reached, of the journeys started in the period. */
function cohortReached(ctx: ReportContext, bounds: PeriodBounds): { journeys: number; recycled: number }[] {
  const where = and(within('j.started_at', bounds), ctx.segment.onRow('j'));
  return reachedRungs(ctx, where, { journeys: 'count(*)', recycled: "sum(j.start_kind = 'recycled')" });
}

function activityReached(ctx: ReportContext, bounds: PeriodBounds): { journeys: number; recycled: number }[] {
  const rungs = ctx.rungs.map((_, rung) => rung);
  const where = and(sql(`e.rung IN (${rungList(rungs)})`), within('e.entered_at', bounds), ctx.segment.onRow('e'));
  const rows = all<RungCount>(ctx, {
    sql: `
      SELECT e.rung, count(*) AS journeys, sum(e.start_kind = 'recycled') AS recycled
      FROM report_rung_entries e WHERE ${where.sql} GROUP BY e.rung`,
    params: where.params,
  });
  const byRung = new Map(rows.map((row) => [row.rung, row]));
  return rungs.map((rung) => byRung.get(rung) ?? { journeys: 0, recycled: 0 });
}

/** Journeys that went to Closed-lost from each stage: of the cohort (cohort) or in the period (activity). */
function lostFrom(ctx: ReportContext, bounds: PeriodBounds, mode: CountingMode): LostCount[] {
  const where =
    mode === 'cohort'
      ? and(within('j.started_at', bounds), sql("j.lost_from_stage IS NOT NULL AND j.outcome IN ('lost', 'disqualified')"), ctx.segment.onRow('j'))
      : and(within('j.closed_at', bounds), sql("j.outcome IN ('lost', 'disqualified')"), ctx.segment.onRow('j'));
  return all<LostCount>(ctx, {
    sql: `SELECT j.lost_from_stage AS stageKey, count(*) AS lost FROM report_journeys j WHERE ${where.sql} GROUP BY j.lost_from_stage`,
    params: where.params,
  });
}
