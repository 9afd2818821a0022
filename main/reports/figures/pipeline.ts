import type { ObservedWinRate, PipelineRow } from '../../../shared/domain/reports.ts';
import { ratio } from '../../../shared/domain/reports.ts';
import type { PeriodBounds } from '../../../shared/domain/report-period.ts';
import { CLOSES } from '../day-totals.ts';
import type { ReportContext } from '../report-context.ts';
import { facts } from '../report-facts.ts';
import { openDeals } from './open-deals.ts';
import { reachedRungs } from './reached-rungs.ts';

/**
 * Open stages now: leads, deal value and value weighted by the stage's probability, beside the win
 * rate observed from each stage: of the journeys closed in the period that had reached the stage,
 * the share that closed won. The configured probability can be checked against it.
 */
export function pipelineFigures(ctx: ReportContext, bounds: PeriodBounds, previous: PeriodBounds | null): { rows: PipelineRow[]; otherCurrencyDeals: number } {
  const open = ctx.stages.filter((stage) => stage.kind === 'open');
  const values = openDeals(ctx, open.map((stage) => stage.key), (group) => group.stageKey);
  const observed = observedFrom(ctx, bounds);
  const observedBefore = previous ? observedFrom(ctx, previous) : null;
  return {
    rows: open.map((stage) => {
      const row = values.byKey.get(stage.key);
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
    otherCurrencyDeals: values.otherCurrencyDeals,
  };
}

/** Per rung: journeys closed in the period that reached it (highest rung ≥ it), and how many of those won. */
function observedFrom(ctx: ReportContext, bounds: PeriodBounds): ObservedWinRate[] {
  const reached = reachedRungs(ctx, facts(ctx, CLOSES, bounds), { closed: 'sum(f.n)', won: "sum(f.n * (f.outcome = 'won'))" });
  return reached.map(({ closed, won }) => ({ closed, won, rate: ratio(won, closed) }));
}
