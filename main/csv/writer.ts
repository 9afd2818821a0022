import type { CsvDelimiter } from './detect.ts';
import { neutralizeCell } from './neutralize.ts';

/**
 * RFC 4180 text for a table: CRLF after every record (the last one too), a field quoted when it
 * holds the delimiter, a quote, CR or LF, quotes doubled inside. Text cells get the formula
 * guard of neutralize.ts; numbers stay numbers; dates are ISO 8601.
 *
 * Hand-written rather than csv-stringify: on 30 columns of Cyrillic text with quotes and line
 * breaks csv-stringify formatted about 50,000 rows/s against about 110,000 for this loop, and
 * the export as a whole must stay within 2x of `sqlite3 -csv` (the numbers are in the report of
 * test/unit/csv/throughput.bench.ts). Quoting is the whole job, so the code stays small.
 */

export type CsvCell = string | number | bigint | boolean | Date | null | undefined;

export interface CsvColumn {
  header: string;
  /**
   * 'text' (default) and 'number' write the value as it comes, by its runtime type: strings get
   * the formula guard, numbers never do. 'datetime' writes epoch milliseconds (or a Date) as ISO
   * 8601 UTC (`2026-03-02T09:00:00.000Z`), 'date' as `YYYY-MM-DD`; a string passes through.
   */
  type?: 'text' | 'number' | 'datetime' | 'date';
}

export interface CsvWriterOptions {
  columns: readonly CsvColumn[];
  /** ',' by default; ';' is what Excel expects where the decimal separator is a comma. */
  delimiter?: CsvDelimiter;
  /** UTF-8 byte order mark first (default true): without it Excel reads Cyrillic as Windows-1251. */
  bom?: boolean;
  /** Write fractions with a decimal comma (`12,5`), for Excel in such locales; needs another delimiter than ','. */
  decimalComma?: boolean;
  /** The formula guard (default true). Off only for a file no spreadsheet will open. */
  neutralize?: boolean;
}

export interface CsvWriter {
  readonly columns: readonly CsvColumn[];
  readonly delimiter: CsvDelimiter;
  /** The start of the file: the byte order mark (as U+FEFF) when asked, then the header line. */
  start(): string;
  /** One record with its CRLF. */
  row(values: readonly CsvCell[]): string;
  /** Several records, as one string (cheaper to write than one string per row). */
  rows(batch: readonly (readonly CsvCell[])[]): string;
}

const CRLF = '\r\n';
const QUOTE = 34;
const CR = 13;
const LF = 10;

export function createCsvWriter(options: CsvWriterOptions): CsvWriter {
  const delimiter = options.delimiter ?? ',';
  const bom = options.bom ?? true;
  const decimalComma = options.decimalComma ?? false;
  const guard = options.neutralize ?? true;
  const columns = options.columns;
  if (columns.length === 0) throw new Error('A CSV file needs at least one column');
  if (decimalComma && delimiter === ',') throw new Error('A decimal comma needs a delimiter other than the comma');
  const delimiterCode = delimiter.charCodeAt(0);
  const dateKinds = columns.map((c) => (c.type === 'datetime' || c.type === 'date' ? c.type : null));

  const text = (value: string): string => escapeCsvField(guard ? neutralizeCell(value) : value, delimiterCode);

  function cell(value: CsvCell, column: number): string {
    if (typeof value === 'string') return text(value);
    if (value === null || value === undefined) return '';
    const kind = dateKinds[column];
    if (kind && (typeof value === 'number' || value instanceof Date)) return isoDate(value, kind);
    if (typeof value === 'number') return formatNumber(value, decimalComma);
    if (value instanceof Date) return isoDate(value, 'datetime');
    return String(value); // bigint, boolean
  }

  function row(values: readonly CsvCell[]): string {
    if (values.length !== columns.length) {
      throw new Error(`A CSV row needs ${columns.length} values, got ${values.length}`);
    }
    let line = cell(values[0], 0);
    for (let i = 1; i < values.length; i++) line += delimiter + cell(values[i], i);
    return line + CRLF;
  }

  return {
    columns,
    delimiter,
    start: () => (bom ? '\uFEFF' : '') + columns.map((c) => text(c.header)).join(delimiter) + CRLF,
    row,
    rows(batch) {
      let out = '';
      for (const values of batch) out += row(values);
      return out;
    },
  };
}

/** Quotes `value` when it holds the delimiter, a quote, CR or LF (RFC 4180), doubling its quotes. */
export function escapeCsvField(value: string, delimiterCode: number): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === delimiterCode || c === QUOTE || c === CR || c === LF) return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

function formatNumber(value: number, decimalComma: boolean): string {
  const text = String(value);
  return decimalComma && !Number.isInteger(value) ? text.replace('.', ',') : text;
}

function isoDate(value: number | Date, kind: 'datetime' | 'date'): string {
  const date = typeof value === 'number' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return kind === 'date' ? iso.slice(0, 10) : iso;
}
