import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportOf } from '../../shared/domain/reports.ts';
import { count, money } from './format.ts';
import { COLORS, Delta, Empty, Section } from './ReportParts.tsx';

export function TeamReport({ result }: { result: ReportOf<'team'> }) {
  const currency = result.currency;
  const data = result.rows.map((row) => ({ name: row.name, Value: row.openValueMinor / 100, Weighted: row.weightedValueMinor / 100 }));
  const compare = result.previousPeriod !== null;
  return (
    <>
      <Section title={`Open opportunities by owner (${currency ?? 'no deals yet'})`}>
        <div className="report-chart">
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={data} margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid vertical={false} stroke="#eceef2" />
              <XAxis dataKey="name" tick={{ fontSize: 12, fill: '#1b1f27' }} />
              <YAxis tickFormatter={(v: number) => money(v * 100, currency, true)} tick={{ fontSize: 12, fill: '#667085' }} width={70} />
              <Tooltip formatter={(v) => money(Number(v) * 100, currency)} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              <Bar dataKey="Value" name="Open value" fill={COLORS.value} isAnimationActive={false} />
              <Bar dataKey="Weighted" name="Weighted by stage probability" fill={COLORS.weighted} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        {result.rows.length === 0 ? (
          <Empty>Add team members in Settings.</Empty>
        ) : (
          <table className="report-table" data-testid="report-table">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col" className="num">Open opportunities</th>
                <th scope="col" className="num">Open value</th>
                <th scope="col" className="num">Weighted value</th>
                <th scope="col" className="num">Touched this week</th>
                <th scope="col" className="num">Moves in period</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={String(row.memberId)} data-testid={`team-row-${row.memberId ?? 'none'}`}>
                  <th scope="row">{row.name}</th>
                  <td className="num">{count(row.openCount)}</td>
                  <td className="num">{money(row.openValueMinor, currency)}</td>
                  <td className="num" data-testid="weighted">
                    {money(row.weightedValueMinor, currency)}
                  </td>
                  <td className="num">{count(row.touchedThisWeek)}</td>
                  <td className="num" data-testid="moves">
                    {count(row.moves)}
                    {compare && <Delta current={row.moves} previous={row.previousMoves} kind="count" />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {result.otherCurrencyDeals > 0 && (
          <p className="report-note">
            {count(result.otherCurrencyDeals)} open {result.otherCurrencyDeals === 1 ? 'deal is' : 'deals are'} in other currencies and not in these sums: pick the currency above.
          </p>
        )}
      </Section>
    </>
  );
}
