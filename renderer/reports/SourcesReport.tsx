import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportOf, SourceRow } from '../../shared/domain/reports.ts';
import { count, percent } from './format.ts';
import { ChartFrame, FIGURE_TICK, GRID_STROKE, LEGEND_PROPS, NAME_TICK } from './ReportChart.tsx';
import { COLORS, Delta, Empty, Section } from './ReportParts.tsx';
import { ReportTable } from './ReportTable.tsx';

export function SourcesReport({ result }: { result: ReportOf<'sources'> }) {
  const data = result.current.bySource.slice(0, 12).map((row) => ({ name: row.key ?? '(no source)', Leads: row.leads, MQLs: row.mqls, SQLs: row.sqls, Wins: row.wins }));
  return (
    <>
      <Section title="Leads, MQLs, SQLs and wins per source">
        <ChartFrame>
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis dataKey="name" tick={NAME_TICK} interval={0} />
            <YAxis allowDecimals={false} tick={FIGURE_TICK} />
            <Tooltip />
            <Legend {...LEGEND_PROPS} />
            <Bar dataKey="Leads" fill={COLORS.marketing} isAnimationActive={false} />
            <Bar dataKey="MQLs" fill={COLORS.sales} isAnimationActive={false} />
            <Bar dataKey="SQLs" fill={COLORS.weighted} isAnimationActive={false} />
            <Bar dataKey="Wins" fill={COLORS.won} isAnimationActive={false} />
          </BarChart>
        </ChartFrame>
        <SourceTable rows={result.current.bySource} before={result.previous?.bySource ?? null} label="Source" testId="sources-by-source" />
      </Section>
      <Section title="Per persona">
        <SourceTable rows={result.current.byPersona} before={result.previous?.byPersona ?? null} label="Persona" testId="sources-by-persona" />
      </Section>
    </>
  );
}

function SourceTable({ rows, before, label, testId }: { rows: SourceRow[]; before: SourceRow[] | null; label: string; testId: string }) {
  if (rows.length === 0) return <Empty>No leads in the period.</Empty>;
  const prev = new Map(before?.map((row) => [row.key, row]));
  return (
    <ReportTable head={[label, 'Leads', 'Recycled', 'MQLs', 'SQLs', 'Wins', 'Lead → MQL', 'MQL → SQL', 'Lead → win']} testId={testId}>
      {rows.map((row) => {
        const p = prev.get(row.key);
        return (
          <tr key={String(row.key)} data-testid={`source-row-${row.key ?? 'none'}`}>
            <th scope="row">{row.key ?? `(no ${label.toLowerCase()})`}</th>
            <td className="num" data-testid="leads">
              {count(row.leads)}
              {before && <Delta current={row.leads} previous={p?.leads ?? 0} kind="count" />}
            </td>
            <td className="num">{count(row.recycled)}</td>
            <td className="num">{count(row.mqls)}</td>
            <td className="num">{count(row.sqls)}</td>
            <td className="num">{count(row.wins)}</td>
            <td className="num">{percent(row.leadToMql)}</td>
            <td className="num">{percent(row.mqlToSql)}</td>
            <td className="num">
              {percent(row.leadToWin)}
              {before && <Delta current={row.leadToWin} previous={p?.leadToWin ?? null} kind="rate" />}
            </td>
          </tr>
        );
      })}
    </ReportTable>
  );
}
