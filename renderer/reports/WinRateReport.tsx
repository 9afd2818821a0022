import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportOf, WinRateCell } from '../../shared/domain/reports.ts';
import { count, percent } from './format.ts';
import { ChartFrame, FIGURE_TICK, GRID_STROKE, LEGEND_PROPS } from './ReportChart.tsx';
import { COLORS, Empty, Kpi, Section } from './ReportParts.tsx';
import { ReportTable } from './ReportTable.tsx';

export function WinRateReport({ result }: { result: ReportOf<'win-rate'> }) {
  const { total, trend, byOwner, bySource } = result.current;
  const prev = result.previous?.total;
  const compare = result.previous !== null;
  const data = trend.map((b) => ({ label: b.label, Won: b.won, Lost: b.lost, rate: b.winRate === null ? null : Math.round(b.winRate * 1000) / 10 }));
  return (
    <>
      <div className="report-kpis">
        <Kpi label="Win rate" value={percent(total.winRate)} current={total.winRate} previous={compare ? (prev?.winRate ?? null) : undefined} kind="rate" testId="kpi-win-rate" />
        <Kpi label="Won" value={count(total.won)} current={total.won} previous={compare ? (prev?.won ?? 0) : undefined} kind="count" />
        <Kpi label="Lost" value={count(total.lost)} current={total.lost} previous={compare ? (prev?.lost ?? 0) : undefined} kind="count" goodWhen="down" />
        <Kpi label="Disqualified" value={count(total.disqualified)} current={total.disqualified} previous={compare ? (prev?.disqualified ?? 0) : undefined} kind="count" goodWhen="down" />
      </div>
      <Section title="Won and lost over the period">
        <ChartFrame>
          <ComposedChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis dataKey="label" tick={FIGURE_TICK} />
            <YAxis yAxisId="n" allowDecimals={false} tick={FIGURE_TICK} />
            <YAxis yAxisId="rate" orientation="right" unit="%" domain={[0, 100]} tick={FIGURE_TICK} />
            <Tooltip />
            <Legend {...LEGEND_PROPS} />
            <Bar yAxisId="n" dataKey="Won" stackId="c" fill={COLORS.won} isAnimationActive={false} />
            <Bar yAxisId="n" dataKey="Lost" stackId="c" fill={COLORS.lost} isAnimationActive={false} />
            <Line yAxisId="rate" dataKey="rate" name="Win rate %" stroke={COLORS.weighted} strokeWidth={2} connectNulls isAnimationActive={false} />
          </ComposedChart>
        </ChartFrame>
      </Section>
      <div className="report-columns">
        <Section title="By owner">
          <CellTable rows={byOwner.map((row) => ({ key: String(row.ownerId), name: row.ownerName, ...row }))} testId="win-by-owner" />
        </Section>
        <Section title="By source">
          <CellTable rows={bySource.map((row) => ({ key: String(row.source), name: row.source ?? '(no source)', ...row }))} testId="win-by-source" />
        </Section>
      </div>
    </>
  );
}

function CellTable({ rows, testId }: { rows: ({ key: string; name: string } & WinRateCell)[]; testId: string }) {
  if (rows.length === 0) return <Empty>Nothing closed in the period.</Empty>;
  return (
    <ReportTable head={['Name', 'Won', 'Lost', 'Disqualified', 'Win rate']} testId={testId}>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row">{row.name}</th>
          <td className="num">{count(row.won)}</td>
          <td className="num">{count(row.lost)}</td>
          <td className="num">{count(row.disqualified)}</td>
          <td className="num">{percent(row.winRate)}</td>
        </tr>
      ))}
    </ReportTable>
  );
}
