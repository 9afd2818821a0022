import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { money } from './format.ts';

/**
 * The look every report chart shares. Plain props rather than wrapper components, because
 * recharts finds its axes, grid and legend among the chart's own children.
 */
export const GRID_STROKE = '#eceef2';
/** Ticks that name things (stages, owners, sources). */
export const NAME_TICK = { fontSize: 12, fill: '#1b1f27' };
/** Ticks that are figures. */
export const FIGURE_TICK = { fontSize: 12, fill: '#667085' };
/** Legend items keep the order the series are declared in, not recharts' sorted order. */
export const LEGEND_PROPS = { wrapperStyle: { fontSize: 12 }, itemSorter: null };

/** The box a chart is drawn in: the report's full width at a fixed height. */
export function ChartFrame({ height = 260, testId, children }: { height?: number; testId?: string; children: ReactNode }) {
  return (
    <div className="report-chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/**
 * Charts plot money in major units (minor / 100) so the axis scale reads naturally;
 * these turn a plotted value back into money for the axis (compact) and the tooltip.
 */
export const toMajor = (minor: number) => minor / 100;
export const moneyTick = (currency: string | null) => (major: number) => money(major * 100, currency, true);
export const moneyTooltip = (currency: string | null) => (major: unknown) => money(Number(major) * 100, currency);
