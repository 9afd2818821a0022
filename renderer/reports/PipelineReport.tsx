import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportOf } from '../../shared/domain/reports.ts';
import { count, money, percent } from './format.ts';
import { COLORS, Delta, Kpi, Section } from './ReportParts.tsx';

export function PipelineReport({ result }: { result: ReportOf<'pipeline'> }) {
  const currency = result.currency;
  const total = result.rows.reduce((sum, row) => sum + row.valueMinor, 0);
  const weighted = result.rows.reduce((sum, row) => sum + row.weightedValueMinor, 0);
  const compare = result.previousPeriod !== null;
  const values = result.rows.map((row) => ({ stage: row.stageName, Value: row.valueMinor / 100, Weighted: row.weightedValueMinor / 100 }));
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
          <div className="report-chart">
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={values} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
                <CartesianGrid vertical={false} stroke="#eceef2" />
                <XAxis dataKey="stage" tick={{ fontSize: 11, fill: '#1b1f27' }} interval={0} />
                <YAxis tickFormatter={(v: number) => money(v * 100, currency, true)} tick={{ fontSize: 12, fill: '#667085' }} width={70} />
                <Tooltip formatter={(v) => money(Number(v) * 100, currency)} />
                <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                <Bar dataKey="Value" fill={COLORS.value} isAnimationActive={false} />
                <Bar dataKey="Weighted" name="Weighted" fill={COLORS.weighted} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Section>
        <Section title="Configured probability vs. observed win rate">
          <div className="report-chart">
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={rates} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
                <CartesianGrid vertical={false} stroke="#eceef2" />
                <XAxis dataKey="stage" tick={{ fontSize: 11, fill: '#1b1f27' }} interval={0} />
                <YAxis unit="%" domain={[0, 100]} tick={{ fontSize: 12, fill: '#667085' }} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                <Bar dataKey="Configured" name="Configured %" fill={COLORS.previous} isAnimationActive={false} />
                <Bar dataKey="Observed" name="Observed in the period %" fill={COLORS.won} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Section>
      </div>
      <Section title="Stages">
        <table className="report-table" data-testid="report-table">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col" className="num">Leads now</th>
              <th scope="col" className="num">Value</th>
              <th scope="col" className="num">Weighted</th>
              <th scope="col" className="num">Configured probability</th>
              <th scope="col" className="num">Observed win rate</th>
              <th scope="col" className="num">Closed journeys</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.stageKey} data-testid={`pipeline-row-${row.stageKey}`}>
                <th scope="row">{row.stageName}</th>
                <td className="num">{count(row.count)}</td>
                <td className="num">{money(row.valueMinor, currency)}</td>
                <td className="num" data-testid="weighted">
                  {money(row.weightedValueMinor, currency)}
                </td>
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
          </tbody>
        </table>
        {result.otherCurrencyDeals > 0 && (
          <p className="report-note">
            {count(result.otherCurrencyDeals)} open {result.otherCurrencyDeals === 1 ? 'deal is' : 'deals are'} in other currencies and not in these sums: pick the currency above.
          </p>
        )}
      </Section>
    </>
  );
}
