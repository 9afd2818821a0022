import type { Summary } from './stats.ts';

/**
 * One line of the results table. `value` is the figure the target is about (e.g. p99 for move
 * latency); `summary` holds the distribution it came from.
 */
export interface Measurement {
  suite: string;
  name: string;
  leads: number;
  unit: 'ms' | 'MiB' | 'x';
  /** Which statistic `value` is: 'p99', 'median'... */
  stat: string;
  value: number;
  summary: Summary;
  /** The target, in the same unit, when the issue sets one (lower is better). */
  target?: number;
  /** A reference measured in the same run (sqlite3 CLI...). */
  reference?: { name: string; value: number };
  note?: string;
}

const format = (value: number): string => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(2)) : 'n/a');

export function verdict(measurement: Measurement): string {
  if (measurement.target === undefined) return '';
  return measurement.value <= measurement.target ? 'ok' : 'MISSED';
}

/** The table `npm run bench` prints: one row per measurement, median and spread beside the target. */
export function renderTable(measurements: readonly Measurement[]): string {
  const header = ['suite', 'measurement', 'leads', 'stat', 'value', 'median', 'min..max', 'runs', 'target', 'verdict'];
  const rows = measurements.map((m) => [
    m.suite,
    m.name + (m.reference ? ` (vs ${m.reference.name} ${format(m.reference.value)} ${m.unit === 'x' ? 'ms' : m.unit})` : ''),
    m.leads.toLocaleString('en-US'),
    m.stat,
    `${format(m.value)} ${m.unit}`,
    format(m.summary.median),
    `${format(m.summary.min)}..${format(m.summary.max)}`,
    String(m.summary.runs),
    m.target === undefined ? '' : `<= ${format(m.target)} ${m.unit}`,
    verdict(m),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
