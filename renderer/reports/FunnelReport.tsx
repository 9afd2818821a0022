import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportOf } from '../../shared/domain/reports.ts';
import { describePeriod } from '../../shared/domain/report-period.ts';
import { count, percent } from './format.ts';
import { ChartFrame, FIGURE_TICK, GRID_STROKE, LEGEND_PROPS, NAME_TICK } from './ReportChart.tsx';
import { COLORS, Delta, Kpi, Section } from './ReportParts.tsx';
import { ReportTable } from './ReportTable.tsx';

export function FunnelReport({ result }: { result: ReportOf<'funnel'> }) {
  const rows = result.current.rows;
  const before = new Map(result.previous?.rows.map((row) => [row.stageKey, row]));
  const compare = result.previous !== null;
  const data = rows.map((row) => ({
    stage: row.stageName,
    Marketing: row.funnel === 'marketing' ? row.reachedNew : 0,
    Sales: row.funnel === 'sales' ? row.reachedNew : 0,
    Recycled: row.reachedRecycled,
    Previous: before.get(row.stageKey)?.reached ?? 0,
  }));
  const top = rows[0];
  const won = rows[rows.length - 1];
  const mql = rows.find((row) => row.stageKey === 'mql');
  const p = (key: string | undefined) => (key ? before.get(key) : undefined);
  return (
    <>
      <div className="report-kpis">
        <Kpi label={result.mode === 'cohort' ? 'Journeys started' : 'Entered the funnel'} value={count(top?.reached ?? 0)} current={top?.reached ?? 0} previous={compare ? (p(top?.stageKey)?.reached ?? 0) : undefined} kind="count" testId="kpi-top" />
        <Kpi label="Reached MQL" value={count(mql?.reached ?? 0)} current={mql?.reached ?? 0} previous={compare ? (p('mql')?.reached ?? 0) : undefined} kind="count" />
        <Kpi label="Won" value={count(won?.reached ?? 0)} current={won?.reached ?? 0} previous={compare ? (p(won?.stageKey)?.reached ?? 0) : undefined} kind="count" testId="kpi-won" />
        <Kpi
          label="Top → won"
          value={percent(won?.cumulativeConversion ?? null)}
          current={won?.cumulativeConversion ?? null}
          previous={compare ? (p(won?.stageKey)?.cumulativeConversion ?? null) : undefined}
          kind="rate"
        />
      </div>
      <Section title={result.mode === 'cohort' ? 'How far the journeys got' : 'Stages passed in the period'}>
        <ChartFrame height={300} testId="report-chart">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barGap={2}>
            <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
            <XAxis type="number" allowDecimals={false} tick={FIGURE_TICK} />
            <YAxis type="category" dataKey="stage" width={150} tick={NAME_TICK} />
            <Tooltip />
            <Legend {...LEGEND_PROPS} />
            <Bar dataKey="Marketing" name="Marketing stages" stackId="now" fill={COLORS.marketing} isAnimationActive={false} />
            <Bar dataKey="Sales" name="Sales stages" stackId="now" fill={COLORS.sales} isAnimationActive={false} />
            <Bar dataKey="Recycled" name="Recycled journeys" stackId="now" fill={COLORS.recycled} isAnimationActive={false} />
            {compare && <Bar dataKey="Previous" name={`Previous (${describePeriod(result.previousPeriod!)})`} fill={COLORS.previous} isAnimationActive={false} />}
          </BarChart>
        </ChartFrame>
        <ReportTable head={['Stage', 'Reached', ...(compare ? ['Previous'] : []), 'New', 'Recycled', 'Step conversion', 'Cumulative', 'Lost from here']} testId="report-table">
          {rows.map((row) => {
            const prev = before.get(row.stageKey);
            return (
              <tr key={row.stageKey} data-testid={`funnel-row-${row.stageKey}`} className={`report-row-${row.funnel}`}>
                <th scope="row">
                  <span className={`report-funnel-dot report-funnel-dot-${row.funnel}`} aria-hidden="true" />
                  {row.stageName}
                </th>
                <td className="num" data-testid="reached">
                  {count(row.reached)}
                </td>
                {compare && (
                  <td className="num">
                    {count(prev?.reached ?? 0)} <Delta current={row.reached} previous={prev?.reached ?? 0} kind="count" />
                  </td>
                )}
                <td className="num">{count(row.reachedNew)}</td>
                <td className="num">{count(row.reachedRecycled)}</td>
                <td className="num" data-testid="step">
                  {percent(row.stepConversion)}
                  {compare && <Delta current={row.stepConversion} previous={prev?.stepConversion ?? null} kind="rate" />}
                </td>
                <td className="num">{percent(row.cumulativeConversion)}</td>
                <td className="num">{row.lostHere > 0 ? count(row.lostHere) : '–'}</td>
              </tr>
            );
          })}
        </ReportTable>
      </Section>
    </>
  );
}
