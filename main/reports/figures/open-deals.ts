import type { Sql } from '../../store/filter/compile-filter.ts';
import type { ReportContext } from '../report-context.ts';

/**
 * Money of open deals in one currency (over `leads l`), weighted by the stage's probability, and the
 * deals valued in another currency (otherCurrencyDeals: left out of the money sums), counted in the
 * same pass over the open leads. The probabilities come as parameters (the same doubles as in the
 * stages table), not from a join: half the cost of a scan over hundreds of thousands of leads.
 */
export function moneyColumns(ctx: ReportContext): Sql {
  const { currency, stages } = ctx;
  return {
    sql: `
      coalesce(sum(CASE WHEN l.currency IS ? THEN l.deal_value_minor END), 0) AS openValueMinor,
      coalesce(CAST(round(sum(CASE WHEN l.currency IS ? THEN l.deal_value_minor * (CASE l.stage_key ${stages.map(() => 'WHEN ? THEN ?').join(' ')} END) END)) AS INTEGER), 0)
        AS weightedValueMinor,
      coalesce(sum(l.deal_value_minor IS NOT NULL AND l.currency IS NOT ?), 0) AS otherCurrencyDeals`,
    params: [currency, currency, ...stages.flatMap((stage) => [stage.key, stage.probability]), currency],
  };
}

/** The deals in another currency over the groups of a moneyColumns() query. */
export function otherCurrencyDeals(rows: readonly { otherCurrencyDeals: number }[]): number {
  return rows.reduce((total, row) => total + row.otherCurrencyDeals, 0);
}
