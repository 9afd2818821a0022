import type { ReportResult } from '../../shared/domain/reports.ts';
import { createCsvWriter, type CsvCell, type CsvColumn, type CsvWriterOptions } from '../csv/writer.ts';

/**
 * A report as one flat table, written by the shared CSV writer (BOM, formula guard, RFC 4180).
 * Rates are fractions (0.25), money is in major units of the report's currency (named in the
 * header), days are decimal days; a compared report gets the previous period's figures as extra columns.
 */
export interface ReportTable {
  columns: CsvColumn[];
  rows: CsvCell[][];
}

const money = (minor: number) => minor / 100;
const text = (header: string): CsvColumn => ({ header });
const num = (header: string): CsvColumn => ({ header, type: 'number' });

export function reportTable(result: ReportResult): ReportTable {
  const currency = result.currency ?? '';
  const prev = (header: string) => num(`${header} (previous)`);
  switch (result.report) {
    case 'funnel': {
      const before = new Map(result.previous?.rows.map((row) => [row.stageKey, row]));
      const compare = result.previous !== null;
      return {
        columns: [
          text('Stage'), text('Funnel'), num('Reached'), num('New journeys'), num('Recycled journeys'), num('Lost from here'),
          num('Step conversion'), num('Cumulative conversion'),
          ...(compare ? [prev('Reached'), prev('Step conversion'), prev('Cumulative conversion')] : []),
        ],
        rows: result.current.rows.map((row) => {
          const p = before.get(row.stageKey);
          return [
            row.stageName, row.funnel, row.reached, row.reachedNew, row.reachedRecycled, row.lostHere, row.stepConversion, row.cumulativeConversion,
            ...(compare ? [p?.reached ?? 0, p?.stepConversion ?? null, p?.cumulativeConversion ?? null] : []),
          ];
        }),
      };
    }
    case 'time-in-stage': {
      const compare = result.previous !== null;
      const before = new Map(result.previous?.stages.map((row) => [row.stageKey, row]));
      const now = new Map(result.now.map((row) => [row.stageKey, row]));
      const rows: CsvCell[][] = result.current.stages.map((row) => {
        const p = before.get(row.stageKey);
        const n = now.get(row.stageKey);
        return [
          row.stageName, row.stays, row.medianDays, row.p75Days, n?.current ?? 0, n?.stale ?? 0, n?.staleAfterDays ?? null,
          ...(compare ? [p?.stays ?? 0, p?.medianDays ?? null, p?.p75Days ?? null] : []),
        ];
      });
      const v = result.current.velocity;
      const pv = result.previous?.velocity;
      rows.push(['MQL → Closed-won (velocity)', v.won, v.medianDays, v.p75Days, null, null, null, ...(compare ? [pv?.won ?? 0, pv?.medianDays ?? null, pv?.p75Days ?? null] : [])]);
      return {
        columns: [
          text('Stage'), num('Stays ended'), num('Median days'), num('75th percentile days'), num('In stage now'), num('Stale now'), num('Stale after days'),
          ...(compare ? [prev('Stays ended'), prev('Median days'), prev('75th percentile days')] : []),
        ],
        rows,
      };
    }
    case 'win-rate': {
      const rows: CsvCell[][] = [];
      const cell = (c: { won: number; lost: number; disqualified: number; winRate: number | null }) => [c.won, c.lost, c.disqualified, c.winRate];
      const add = (figures: typeof result.current, period: string) => {
        rows.push([period, 'Total', '', ...cell(figures.total)]);
        for (const row of figures.byOwner) rows.push([period, 'Owner', row.ownerName, ...cell(row)]);
        for (const row of figures.bySource) rows.push([period, 'Source', row.source ?? '(no source)', ...cell(row)]);
        for (const row of figures.trend) rows.push([period, 'Period', `${row.from} – ${row.to}`, ...cell(row)]);
      };
      add(result.current, 'current');
      if (result.previous) add(result.previous, 'previous');
      return { columns: [text('Period'), text('By'), text('Name'), num('Won'), num('Lost'), num('Disqualified'), num('Win rate')], rows };
    }
    case 'reasons': {
      const rows: CsvCell[][] = [];
      const add = (figures: typeof result.current, period: string) => {
        for (const kind of ['lost', 'disqualified', 'recycled'] as const) {
          for (const row of figures[kind]) rows.push([period, kind, row.reason, row.count, row.share]);
        }
      };
      add(result.current, 'current');
      if (result.previous) add(result.previous, 'previous');
      return { columns: [text('Period'), text('Kind'), text('Reason'), num('Count'), num('Share')], rows };
    }
    case 'team':
      return {
        columns: [
          text('Member'), num('Open opportunities'), num(`Open value (${currency})`), num(`Weighted value (${currency})`),
          num(`Leads touched since ${result.weekFrom}`), num('Moves'), num('Moves (previous)'),
        ],
        rows: result.rows.map((row) => [
          row.name, row.openCount, money(row.openValueMinor), money(row.weightedValueMinor), row.touchedThisWeek, row.moves, row.previousMoves,
        ]),
      };
    case 'pipeline':
      return {
        columns: [
          text('Stage'), num('Leads now'), num(`Value (${currency})`), num(`Weighted value (${currency})`), num('Configured probability'),
          num('Observed win rate'), num('Closed (observed)'), num('Won (observed)'), num('Observed win rate (previous)'),
        ],
        rows: result.rows.map((row) => [
          row.stageName, row.count, money(row.valueMinor), money(row.weightedValueMinor), row.probability,
          row.observed.rate, row.observed.closed, row.observed.won, row.previousObserved?.rate ?? null,
        ]),
      };
    case 'sources': {
      const rows: CsvCell[][] = [];
      const add = (figures: typeof result.current, period: string) => {
        for (const [by, list] of [['Source', figures.bySource], ['Persona', figures.byPersona]] as const) {
          for (const row of list) {
            rows.push([period, by, row.key ?? `(no ${by.toLowerCase()})`, row.leads, row.recycled, row.mqls, row.sqls, row.wins, row.leadToMql, row.mqlToSql, row.leadToWin]);
          }
        }
      };
      add(result.current, 'current');
      if (result.previous) add(result.previous, 'previous');
      return {
        columns: [
          text('Period'), text('By'), text('Name'), num('Leads'), num('Recycled'), num('MQLs'), num('SQLs'), num('Wins'),
          num('Lead → MQL'), num('MQL → SQL'), num('Lead → win'),
        ],
        rows,
      };
    }
  }
}

/** The report as CSV text (with the BOM unless turned off), and a file name that says what it is. */
export function reportCsv(result: ReportResult, options: Omit<CsvWriterOptions, 'columns'> = {}): { fileName: string; content: string } {
  const table = reportTable(result);
  const writer = createCsvWriter({ ...options, columns: table.columns });
  const { from, to } = result.period;
  return { fileName: `voronka-${result.report}-${from}-to-${to}.csv`, content: writer.start() + writer.rows(table.rows) };
}
