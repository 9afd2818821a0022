import type { ReactNode } from 'react';
import { count, money } from './format.ts';

/**
 * A report's table with its header row. The first `textColumns` columns hold words and
 * stay left-aligned; the rest hold figures and are right-aligned (`num`) so digits line up.
 * Labels double as React keys, so they must be unique within a table.
 */
export function ReportTable({ head, textColumns = 1, testId, children }: { head: string[]; textColumns?: number; testId?: string; children: ReactNode }) {
  return (
    <table className="report-table" data-testid={testId}>
      <thead>
        <tr>
          {head.map((label, i) => (
            <th key={label} scope="col" className={i < textColumns ? undefined : 'num'}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The open-deal figures Pipeline and Team both show per row: how many, their value, and that value weighted by stage probability. */
export function OpenDealCells({ count: n, valueMinor, weightedMinor, currency }: { count: number; valueMinor: number; weightedMinor: number; currency: string | null }) {
  return (
    <>
      <td className="num">{count(n)}</td>
      <td className="num">{money(valueMinor, currency)}</td>
      <td className="num" data-testid="weighted">
        {money(weightedMinor, currency)}
      </td>
    </>
  );
}

/** Money sums are in one currency: says how many open deals were left out of them. */
export function OtherCurrencyNote({ deals }: { deals: number }) {
  if (deals <= 0) return null;
  return (
    <p className="report-note">
      {count(deals)} open {deals === 1 ? 'deal is' : 'deals are'} in other currencies and not in these sums: pick the currency above.
    </p>
  );
}
