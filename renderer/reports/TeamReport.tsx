import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportOf } from '../../shared/domain/reports.ts';
import { count } from './format.ts';
import { ChartFrame, FIGURE_TICK, GRID_STROKE, LEGEND_PROPS, moneyTick, moneyTooltip, NAME_TICK, toMajor } from './ReportChart.tsx';
import { COLORS, Delta, Empty, Section } from './ReportParts.tsx';
import { OpenDealCells, OtherCurrencyNote, ReportTable } from './ReportTable.tsx';

export function TeamReport({ result }: { result: ReportOf<'team'> }) {
  const currency = result.currency;
  const data = result.rows.map((row) => ({ name: row.name, Value: toMajor(row.openValueMinor), Weighted: toMajor(row.weightedValueMinor) }));
  const compare = result.previousPeriod !== null;
  return (
    <>
      <Section title={`Open opportunities by owner (${currency ?? 'no deals yet'})`}>
        <ChartFrame>
          <BarChart data={data} margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis dataKey="name" tick={NAME_TICK} />
            <YAxis tickFormatter={moneyTick(currency)} tick={FIGURE_TICK} width={70} />
            <Tooltip formatter={moneyTooltip(currency)} />
            <Legend {...LEGEND_PROPS} />
            <Bar dataKey="Value" name="Open value" fill={COLORS.value} isAnimationActive={false} />
            <Bar dataKey="Weighted" name="Weighted by stage probability" fill={COLORS.weighted} isAnimationActive={false} />
          </BarChart>
        </ChartFrame>
        {result.rows.length === 0 ? (
          <Empty>Add team members in Settings.</Empty>
        ) : (
          <ReportTable head={['Member', 'Open opportunities', 'Open value', 'Weighted value', 'Touched this week', 'Moves in period']} testId="report-table">
            {result.rows.map((row) => (
              <tr key={String(row.memberId)} data-testid={`team-row-${row.memberId ?? 'none'}`}>
                <th scope="row">{row.name}</th>
                <OpenDealCells count={row.openCount} valueMinor={row.openValueMinor} weightedMinor={row.weightedValueMinor} currency={currency} />
                <td className="num">{count(row.touchedThisWeek)}</td>
                <td className="num" data-testid="moves">
                  {count(row.moves)}
                  {compare && <Delta current={row.moves} previous={row.previousMoves} kind="count" />}
                </td>
              </tr>
            ))}
          </ReportTable>
        )}
        <OtherCurrencyNote deals={result.otherCurrencyDeals} />
      </Section>
    </>
  );
}
