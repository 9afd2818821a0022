import type { ReactNode } from 'react';
import { count } from './format.ts';

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

/** Money sums are in one currency: says how many open deals were left out of them. */
export function OtherCurrencyNote({ deals }: { deals: number }) {
  if (deals <= 0) return null;
  return (
    <p className="report-note">
      {count(deals)} open {deals === 1 ? 'deal is' : 'deals are'} in other currencies and not in these sums: pick the currency above.
    </p>
  );
}
