import { one, type ReportContext } from '../report-context.ts';

/** Money of open deals in one currency, weighted by the stage's probability (over `leads l JOIN stages s`). */
export function moneyColumns(currency: string | null): { sql: string; params: (string | null)[] } {
  return {
    sql: `
      coalesce(sum(CASE WHEN l.currency IS ? THEN l.deal_value_minor END), 0) AS openValueMinor,
      coalesce(CAST(round(sum(CASE WHEN l.currency IS ? THEN l.deal_value_minor * s.probability END)) AS INTEGER), 0) AS weightedValueMinor`,
    params: [currency, currency],
  };
}

/** Open deals in these stages valued in another currency than the report's: left out of its money sums. */
export function otherCurrencyDeals(ctx: ReportContext, stageKeys: readonly string[]): number {
  const segLead = ctx.segment.onLead('l');
  const marks = stageKeys.map(() => '?').join(', ');
  return one<{ n: number }>(ctx, {
    sql: `
      SELECT count(*) AS n FROM leads l
      WHERE l.deleted_at IS NULL AND l.stage_key IN (${marks}) AND l.deal_value_minor IS NOT NULL AND l.currency IS NOT ? AND ${segLead.sql}`,
    params: [...stageKeys, ctx.currency, ...segLead.params],
  }).n;
}
