import type { ObservedWinRate, PipelineRow } from '../../../shared/domain/reports.ts';
import { ratio } from '../../../shared/domain/reports.ts';
import type { PeriodBounds } from '../../../shared/domain/report-period.ts';
import { all, and, one, within, type ReportContext } from '../report-context.ts';
import { moneyColumns } from './team.ts';

interface ValueRow {
  stageKey: string;
  count: number;
  openValueMinor: number;
  weightedValueMinor: number;
}

/**
 * Open stages now: leads, deal value and value weighted by the stage's probability, beside the win
 * rate observed from each stage: of the journeys closed in the period that had reached the stage,
 * the share that closed won. The configured probability can be checked against it.
 */
export function pipelineFigures(ctx: ReportContext, bounds: PeriodBounds, previous: PeriodBounds | null): { rows: PipelineRow[]; otherCurrencyDeals: number } {
  const open = ctx.stages.filter((stage) => stage.kind === 'open');
  const money = moneyColumns(ctx.currency);
  const segLead = ctx.segment.onLead('l');
  const marks = open.map(() => '?').join(', ');
  const values = all<ValueRow>(ctx, {
    sql: `
      SELECT l.stage_key AS stageKey, count(*) AS count, ${money.sql}
      FROM leads l JOIN stages s ON s.key = l.stage_key
      WHERE l.deleted_at IS NULL AND l.stage_key IN (${marks}) AND ${segLead.sql}
      GROUP BY l.stage_key`,
    params: [...money.params, ...open.map((stage) => stage.key), ...segLead.params],
  });
  const other = one<{ n: number }>(ctx, {
    sql: `
      SELECT count(*) AS n FROM leads l
      WHERE l.deleted_at IS NULL AND l.stage_key IN (${marks}) AND l.deal_value_minor IS NOT NULL AND l.currency IS NOT ? AND ${segLead.sql}`,
    params: [...open.map((stage) => stage.key), ctx.currency, ...segLead.params],
  }).n;
  const byStage = new Map(values.map((row) => [row.stageKey, row]));
  const observed = observedFrom(ctx, bounds);
  const observedBefore = previous ? observedFrom(ctx, previous) : null;
  return {
    rows: open.map((stage) => {
      const row = byStage.get(stage.key);
      const empty: ObservedWinRate = { closed: 0, won: 0, rate: null };
      return {
        stageKey: stage.key,
        stageName: stage.name,
        funnel: stage.funnel,
        probability: stage.probability,
        count: row?.count ?? 0,
        valueMinor: row?.openValueMinor ?? 0,
        weightedValueMinor: row?.weightedValueMinor ?? 0,
        observed: observed[stage.rung!] ?? empty,
        previousObserved: observedBefore ? (observedBefore[stage.rung!] ?? empty) : null,
      };
    }),
    otherCurrencyDeals: other,
  };
}

/** Per rung: journeys closed in the period that reached it (highest rung ≥ it), and how many of those won. */
function observedFrom(ctx: ReportContext, bounds: PeriodBounds): ObservedWinRate[] {
  const where = and(within('j.closed_at', bounds), ctx.segment.onRow('j'));
  const rows = all<{ rung: number; closed: number; won: number }>(ctx, {
    sql: `
      WITH per_max AS (
        SELECT j.max_rung AS rung, count(*) AS closed, sum(j.outcome = 'won') AS won
        FROM report_journeys j WHERE ${where.sql} GROUP BY j.max_rung
      )
      SELECT rung, sum(closed) OVER top_down AS closed, sum(won) OVER top_down AS won
      FROM per_max WINDOW top_down AS (ORDER BY rung DESC)`,
    params: where.params,
  });
  const byRung = new Map(rows.map((row) => [row.rung, row]));
  const out: ObservedWinRate[] = [];
  let carry = { closed: 0, won: 0 };
  for (let rung = ctx.rungs.length - 1; rung >= 0; rung--) {
    const row = byRung.get(rung);
    if (row) carry = { closed: row.closed, won: row.won };
    out[rung] = { ...carry, rate: ratio(carry.won, carry.closed) };
  }
  return out;
}
