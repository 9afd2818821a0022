import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportOf } from '../../shared/domain/reports.ts';
import { count, days } from './format.ts';
import { saveLimit } from './report-actions.ts';
import { ChartFrame, FIGURE_TICK, GRID_STROKE, LEGEND_PROPS, NAME_TICK } from './ReportChart.tsx';
import { COLORS, Delta, Empty, Kpi, Section } from './ReportParts.tsx';
import { ReportTable } from './ReportTable.tsx';

export function TimeInStageReport({ result }: { result: ReportOf<'time-in-stage'> }) {
  const compare = result.previous !== null;
  const before = new Map(result.previous?.stages.map((row) => [row.stageKey, row]));
  const now = new Map(result.now.map((row) => [row.stageKey, row]));
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  const data = result.current.stages.map((row) => ({
    stage: row.stageName,
    Median: round(row.medianDays),
    P75: round(row.p75Days),
    Previous: round(before.get(row.stageKey)?.medianDays ?? null),
  }));
  const v = result.current.velocity;
  const pv = result.previous?.velocity;
  const staleTotal = result.now.reduce((sum, row) => sum + row.stale, 0);
  return (
    <>
      <div className="report-kpis">
        <Kpi label="MQL → won, median" value={days(v.medianDays)} current={v.medianDays} previous={compare ? (pv?.medianDays ?? null) : undefined} kind="days" goodWhen="down" testId="kpi-velocity" />
        <Kpi label="MQL → won, 75th percentile" value={days(v.p75Days)} current={v.p75Days} previous={compare ? (pv?.p75Days ?? null) : undefined} kind="days" goodWhen="down" />
        <Kpi label="Deals won (velocity)" value={count(v.won)} />
        <Kpi label="Stale leads now" value={count(staleTotal)} testId="kpi-stale" />
      </div>
      <Section title="Days in each stage (stays that ended in the period)">
        <ChartFrame>
          <BarChart data={data} margin={{ top: 4, right: 24, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis dataKey="stage" tick={NAME_TICK} />
            <YAxis unit=" d" tick={FIGURE_TICK} />
            <Tooltip />
            <Legend {...LEGEND_PROPS} />
            <Bar dataKey="Median" fill={COLORS.sales} isAnimationActive={false} />
            <Bar dataKey="P75" name="75th percentile" fill={COLORS.value} isAnimationActive={false} />
            {compare && <Bar dataKey="Previous" name="Median, previous period" fill={COLORS.previous} isAnimationActive={false} />}
          </BarChart>
        </ChartFrame>
        <ReportTable head={['Stage', 'Stays ended', 'Median', '75th percentile', 'In stage now', 'Stale now', 'Stale after']} testId="report-table">
          {result.current.stages.map((row) => {
            const n = now.get(row.stageKey);
            return (
              <tr key={row.stageKey} data-testid={`time-row-${row.stageKey}`}>
                <th scope="row">{row.stageName}</th>
                <td className="num">{count(row.stays)}</td>
                <td className="num" data-testid="median">
                  {days(row.medianDays)}
                  {compare && <Delta current={row.medianDays} previous={before.get(row.stageKey)?.medianDays ?? null} kind="days" goodWhen="down" />}
                </td>
                <td className="num">{days(row.p75Days)}</td>
                <td className="num">{count(n?.current ?? 0)}</td>
                <td className="num">{n && n.stale > 0 ? <strong className="report-warn">{count(n.stale)}</strong> : '–'}</td>
                <td className="num">
                  <LimitInput stageKey={row.stageKey} value={n?.staleAfterDays ?? null} />
                </td>
              </tr>
            );
          })}
        </ReportTable>
      </Section>
      <Section title="Stale leads (longest first, sales stages first)" testId="stale-leads">
        {result.staleLeads.length === 0 ? (
          <Empty>No lead has been in a stage longer than its limit.</Empty>
        ) : (
          <ReportTable head={['Lead', 'Stage', 'Owner', 'Days in stage', 'Limit']} textColumns={3}>
            {result.staleLeads.map((lead) => (
              <tr key={lead.leadId}>
                <th scope="row">{lead.name}</th>
                <td>{lead.stageName}</td>
                <td>{lead.ownerName ?? 'Unassigned'}</td>
                <td className="num">{count(lead.days)}</td>
                <td className="num">{lead.staleAfterDays} d</td>
              </tr>
            ))}
          </ReportTable>
        )}
      </Section>
    </>
  );
}

/** The stale limit of a stage, saved on blur or Enter; empty means never stale. */
function LimitInput({ stageKey, value }: { stageKey: string; value: number | null }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const commit = () => {
    const next = text.trim() === '' ? null : Number(text);
    if (next !== null && (!Number.isInteger(next) || next < 1 || next > 3650)) {
      setText(value === null ? '' : String(value));
      return;
    }
    if (next !== value) void saveLimit(stageKey, next);
  };
  return (
    <span className="report-limit">
      <input
        type="number"
        min={1}
        max={3650}
        value={text}
        aria-label={`Stale after, days (${stageKey})`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        data-testid={`limit-${stageKey}`}
      />
      d
    </span>
  );
}
