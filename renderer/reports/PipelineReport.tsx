import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportOf } from '../../shared/domain/reports.ts';
import { count, money, percent } from './format.ts';
import { ChartFrame, FIGURE_TICK, GRID_STROKE, LEGEND_PROPS, NAME_TICK, moneyTick, moneyTooltip, toMajor } from './ReportChart.tsx';
import { COLORS, Delta, Kpi, Section } from './ReportParts.tsx';
import { OpenDealCells, OtherCurrencyNote, ReportTable } from './ReportTable.tsx';

// A size smaller: every stage is labelled (interval 0) and stage names are long.
const SMALL_NAME_TICK = { ...NAME_TICK, fontSize: 11 };

export function PipelineReport({ result }: { result: ReportOf<'pipeline'> }) {
  const currency = result.currency;
  const total = result.rows.reduce((sum, row) => sum + row.valueMinor, 0);
  const weighted = result.rows.reduce((sum, row) => sum + row.weightedValueMinor, 0);
  const compare = result.previousPeriod !== null;
  const values = result.rows.map((row) => ({ stage: row.stageName, Value: toMajor(row.valueMinor), Weighted: toMajor(row.weightedValueMinor) }));
  const rates = result.rows.map((row) => ({
    stage: row.stageName,
    Configured: Math.round(row.probability * 1000) / 10,
    Observed: row.observed.rate === null ? null : Math.round(row.observed.rate * 1000) / 10,
  }));
  return (
    <>
      <div className="report-kpis">
        <Kpi label={`Open pipeline (${currency ?? '–'})`} value={money(total, currency)} testId="kpi-pipeline" />
        <Kpi label="Weighted by probability" value={money(weighted, currency)} testId="kpi-weighted" />
      </div>
      <div className="report-columns">
        <Section title="Value per stage, now">
          <ChartFrame>
            <BarChart data={values} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
              <CartesianGrid vertical={false} stroke={GRID_STROKE} />
              <XAxis dataKey="stage" tick={SMALL_NAME_TICK} interval={0} />
              <YAxis tickFormatter={moneyTick(currency)} tick={FIGURE_TICK} width={70} />
              <Tooltip formatter={moneyTooltip(currency)} />
              <Legend {...LEGEND_PROPS} />
              <Bar dataKey="Value" fill={COLORS.value} isAnimationActive={false} />
              <Bar dataKey="Weighted" name="Weighted" fill={COLORS.weighted} isAnimationActive={false} />
            </BarChart>
          </ChartFrame>
        </Section>
        <Section title="Configured probability vs. observed win rate">
          <ChartFrame>
            <BarChart data={rates} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
              <CartesianGrid vertical={false} stroke={GRID_STROKE} />
              <XAxis dataKey="stage" tick={SMALL_NAME_TICK} interval={0} />
              <YAxis unit="%" domain={[0, 100]} tick={FIGURE_TICK} />
              <Tooltip />
              <Legend {...LEGEND_PROPS} />
              <Bar dataKey="Configured" name="Configured %" fill={COLORS.previous} isAnimationActive={false} />
              <Bar dataKey="Observed" name="Observed in the period %" fill={COLORS.won} isAnimationActive={false} />
            </BarChart>
          </ChartFrame>
        </Section>
      </div>
      <Section title="Stages">
        <ReportTable head={['Stage', 'Leads now', 'Value', 'Weighted', 'Configured probability', 'Observed win rate', 'Closed journeys']} testId="report-table">
          {result.rows.map((row) => (
            <tr key={row.stageKey} data-testid={`pipeline-row-${row.stageKey}`}>
              <th scope="row">{row.stageName}</th>
              <OpenDealCells count={row.count} valueMinor={row.valueMinor} weightedMinor={row.weightedValueMinor} currency={currency} />
              <td className="num">{percent(row.probability)}</td>
              <td className="num" data-testid="observed">
                {percent(row.observed.rate)}
                {compare && row.previousObserved && <Delta current={row.observed.rate} previous={row.previousObserved.rate} kind="rate" />}
              </td>
              <td className="num">
                {count(row.observed.won)} won of {count(row.observed.closed)}
              </td>
            </tr>
          ))}
        </ReportTable>
        <OtherCurrencyNote deals={result.otherCurrencyDeals} />
      </Section>
    </>
  );
}
