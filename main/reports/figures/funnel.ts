import type { CountingMode, FunnelFigures, FunnelRow } from '../../../shared/domain/reports.ts';
import { ratio } from '../../../shared/domain/reports.ts';
import type { PeriodBounds } from '../../../shared/domain/report-period.ts';
import { STARTS, RUNGS, START_ENDS, LOSSES } from '../day-totals.ts';
import { all, type ReportContext } from '../report-context.ts';
import { facts } from '../report-facts.ts';
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
  return reachedRungs(ctx, facts(ctx, STARTS, bounds), { journeys: 'sum(f.n)', recycled: "sum(f.n * (f.start_kind = 'recycled'))" });
}

function activityReached(ctx: ReportContext, bounds: PeriodBounds): { journeys: number; recycled: number }[] {
  // The rungs named, so that the entries at the period's edges are read by rung and time from report_rung_entries_time.
  const entries = facts(ctx, RUNGS, bounds, { match: { rung: ctx.rungs.map((_, rung) => rung) } });
  const rows = all<RungCount>(ctx, {
    sql: `SELECT f.rung, sum(f.n) AS journeys, sum(f.n * (f.start_kind = 'recycled')) AS recycled FROM (${entries.sql}) f GROUP BY f.rung`,
    params: entries.params,
  });
  const byRung = new Map(rows.map((row) => [row.rung, row]));
  return ctx.rungs.map((_, rung) => byRung.get(rung) ?? { journeys: 0, recycled: 0 });
}

/** Journeys that went to Closed-lost from each stage: of the cohort (cohort) or in the period (activity). */
function lostFrom(ctx: ReportContext, bounds: PeriodBounds, mode: CountingMode): LostCount[] {
  // Cohort: the journeys started in the period that ended lost; activity: the losses of the period.
  const journeys = mode === 'cohort' ? facts(ctx, START_ENDS, bounds) : facts(ctx, LOSSES, bounds);
  return all<LostCount>(ctx, {
    sql: `
      SELECT f.lost_from_stage AS stageKey, sum(f.n) AS lost FROM (${journeys.sql}) f
      WHERE f.lost_from_stage IS NOT NULL AND f.outcome IN ('lost', 'disqualified') GROUP BY f.lost_from_stage`,
    params: journeys.params,
  });
}
