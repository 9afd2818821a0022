import type { Lead } from '../../shared/domain/lead.ts';
import type { ColumnSummary } from '../../shared/ipc/contract.ts';

function adjust(summary: ColumnSummary | undefined, stageKey: string, lead: Lead, sign: 1 | -1): ColumnSummary {
  const base = summary ?? { stageKey, count: 0, totals: [] };
  let totals = base.totals;
  if (lead.dealValueMinor !== null && lead.dealValueMinor > 0) {
    const found = totals.some((t) => t.currency === lead.currency);
    totals = found
      ? totals.map((t) => (t.currency === lead.currency ? { ...t, amountMinor: Math.max(0, t.amountMinor + sign * lead.dealValueMinor!) } : t))
      : sign > 0
        ? [...totals, { currency: lead.currency, amountMinor: lead.dealValueMinor }]
        : totals;
  }
  return { ...base, count: Math.max(0, base.count + sign), totals };
}

/** The summaries as they will be once `lead` moved from one column to another (optimistic). */
export function shiftSummary(
  summaries: Record<string, ColumnSummary>,
  lead: Lead,
  fromStage: string,
  toStage: string,
): Record<string, ColumnSummary> {
  if (fromStage === toStage) return summaries;
  return {
    ...summaries,
    [fromStage]: adjust(summaries[fromStage], fromStage, lead, -1),
    [toStage]: adjust(summaries[toStage], toStage, lead, 1),
  };
}
