import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReasonCount, ReportOf } from '../../shared/domain/reports.ts';
import { count, percent } from './format.ts';
import { ChartFrame, NAME_TICK } from './ReportChart.tsx';
import { COLORS, Delta, Empty, Kpi, Section } from './ReportParts.tsx';
import { ReportTable } from './ReportTable.tsx';

export function ReasonsReport({ result }: { result: ReportOf<'reasons'> }) {
  const { current, previous } = result;
  const compare = previous !== null;
  return (
    <>
      <div className="report-kpis">
        <Kpi label="Deals lost" value={count(current.totals.lost)} current={current.totals.lost} previous={compare ? previous.totals.lost : undefined} kind="count" goodWhen="down" testId="kpi-lost" />
        <Kpi label="Leads disqualified" value={count(current.totals.disqualified)} current={current.totals.disqualified} previous={compare ? previous.totals.disqualified : undefined} kind="count" goodWhen="down" />
        <Kpi label="Recycled to marketing" value={count(current.totals.recycled)} current={current.totals.recycled} previous={compare ? previous.totals.recycled : undefined} kind="count" />
      </div>
      <div className="report-columns report-columns-3">
        <ReasonList title="Lost reasons" rows={current.lost} before={previous?.lost ?? null} color={COLORS.lost} testId="reasons-lost" />
        <ReasonList title="Disqualification reasons" rows={current.disqualified} before={previous?.disqualified ?? null} color={COLORS.disqualified} testId="reasons-disqualified" />
        <ReasonList title="Recycling reasons" rows={current.recycled} before={previous?.recycled ?? null} color={COLORS.recycled} testId="reasons-recycled" />
      </div>
    </>
  );
}

function ReasonList({ title, rows, before, color, testId }: { title: string; rows: ReasonCount[]; before: ReasonCount[] | null; color: string; testId: string }) {
  const prev = new Map(before?.map((row) => [row.reason, row.count]));
  return (
    <Section title={title} testId={testId}>
      {rows.length === 0 ? (
        <Empty>None in the period.</Empty>
      ) : (
        <>
          <ChartFrame height={Math.max(80, rows.length * 28 + 20)}>
            <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
              <XAxis type="number" hide allowDecimals={false} />
              <YAxis type="category" dataKey="reason" width={140} tick={NAME_TICK} />
              <Tooltip />
              <Bar dataKey="count" name="Count" fill={color} isAnimationActive={false} />
            </BarChart>
          </ChartFrame>
          <ReportTable head={['Reason', 'Count', 'Share']}>
            {rows.map((row) => (
              <tr key={row.reason}>
                <th scope="row">{row.reason}</th>
                <td className="num">
                  {count(row.count)}
                  {before && <Delta current={row.count} previous={prev.get(row.reason) ?? 0} kind="count" goodWhen="down" />}
                </td>
                <td className="num">{percent(row.share, 0)}</td>
              </tr>
            ))}
          </ReportTable>
        </>
      )}
    </Section>
  );
}
