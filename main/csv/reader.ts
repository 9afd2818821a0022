import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { CsvFormatError } from './csv-error.ts';
import { createTextDecoder, type TextChunkDecoder } from './decode.ts';
import {
  byteOrderMarkLength,
  detectDelimiter,
  detectEncoding,
  detectNewline,
  SNIFF_BYTES,
  type CsvDelimiter,
  type CsvEncoding,
  type CsvNewline,
} from './detect.ts';
import { restoreCell } from './neutralize.ts';

/**
 * Streams the records of a CSV or TSV file, one at a time, with flat memory.
 *
 * Parsing is papaparse's core parser, fed decoded text chunk by chunk (csv-parse, measured on
 * the same 1,000,000-row file, was about 2x slower than papaparse and than `sqlite3 .import`).
 * Around it this module adds what an import needs to be trusted: encoding and delimiter
 * detection, strict decoding, the 1-based line where each record starts, ragged rows and bad
 * quotes reported per record (never silently patched), and the undoing of formula guards.
 */

export interface CsvReadOptions {
  /** Skip sniffing and use this delimiter. */
  delimiter?: CsvDelimiter;
  /** Skip sniffing (and its refusals) and use this encoding; a matching byte order mark is still skipped. */
  encoding?: CsvEncoding;
  /** Undo `neutralizeCell` on every field (default true: a CSV holds `'=` only when we wrote it). */
  restoreNeutralized?: boolean;
  /** A record longer than this (in characters) stops the read: an unclosed quote, usually. */
  maxRecordChars?: number;
  /** Size of the chunks read from a file. */
  chunkBytes?: number;
  /** How many bytes to sniff before parsing (default SNIFF_BYTES; small in tests of chunk edges). */
  sniffBytes?: number;
  signal?: AbortSignal;
}

export type CsvRowProblem =
  | { code: 'ragged'; expected: number; actual: number; message: string }
  | { code: 'quotes'; message: string };

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted line break makes a record span lines). */
  line: number;
  /** 0-based index among the records; the header, when the file has one, is record 0. */
  index: number;
  fields: string[];
  /** Set when the record cannot be trusted as is; the importer reports it with `line`. */
  problem: CsvRowProblem | null;
}

export interface CsvReader {
  readonly encoding: CsvEncoding;
  /** Whether the file started with a byte order mark. */
  readonly bom: boolean;
  readonly delimiter: CsvDelimiter;
  /** False when the delimiter was a guess (no candidate split the first lines consistently). */
  readonly delimiterConfident: boolean;
  readonly newline: CsvNewline;
  /** Bytes read from the source so far, for progress against the file size. */
  readonly bytesRead: number;
  /** The records, once; stopping early (break, return, an error) closes the source. */
  records(): AsyncGenerator<CsvRecord, void, undefined>;
  /** Closes the source when `records()` is never iterated to the end. */
  close(): Promise<void>;
}

const DEFAULT_CHUNK_BYTES = 256 * 1024;
const DEFAULT_MAX_RECORD_CHARS = 8 * 1024 * 1024;

export async function openCsvFile(path: string, options: CsvReadOptions = {}): Promise<CsvReader> {
  return openCsvStream(createReadStream(path, { highWaterMark: options.chunkBytes ?? DEFAULT_CHUNK_BYTES }), options);
}

/** Reads from any byte source (a file stream, a test's chunks). */
export async function openCsvStream(source: AsyncIterable<Uint8Array>, options: CsvReadOptions = {}): Promise<CsvReader> {
  const chunks = source[Symbol.asyncIterator]();
  try {
    return await openChunks(chunks, options);
  } catch (error) {
    await closeSource(chunks);
    throw error;
  }
}

async function openChunks(chunks: AsyncIterator<Uint8Array>, options: CsvReadOptions): Promise<CsvReader> {
  let bytesRead = 0;
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  const sniffBytes = options.sniffBytes ?? SNIFF_BYTES;
  while (headBytes < sniffBytes) {
    options.signal?.throwIfAborted();
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.byteLength;
  }
  bytesRead = headBytes;
  const sample = Buffer.concat(head);

  const { encoding, bomLength } = options.encoding
    ? { encoding: options.encoding, bomLength: byteOrderMarkLength(sample, options.encoding) }
    : detectEncoding(sample, done);
  const decoder = createTextDecoder(encoding);
  const firstText = decoder.write(sample.subarray(bomLength)) + (done ? decoder.end() : '');
  const newline = detectNewline(firstText);
  const sniffed = options.delimiter ? null : detectDelimiter(firstText, done);
  const delimiter = options.delimiter ?? sniffed!.delimiter;

  async function* texts(): AsyncGenerator<string> {
    yield firstText;
    if (done) return;
    for (;;) {
      options.signal?.throwIfAborted();
      const next = await chunks.next();
      if (next.done) break;
      bytesRead += next.value.byteLength;
      yield decoder.write(next.value);
    }
    yield decoder.end();
  }

  let started = false;
  return {
    encoding,
    bom: bomLength > 0,
    delimiter,
    delimiterConfident: sniffed?.confident ?? true,
    newline,
    get bytesRead() {
      return bytesRead;
    },
    records() {
      if (started) throw new Error('records() can be iterated only once');
      started = true;
      return parseRecords(texts(), { delimiter, newline, options, close: () => closeSource(chunks) });
    },
    close: () => closeSource(chunks),
  };
}

async function closeSource(chunks: AsyncIterator<Uint8Array>): Promise<void> {
  await chunks.return?.();
}

interface ParseSetup {
  delimiter: CsvDelimiter;
  newline: CsvNewline;
  options: CsvReadOptions;
  close(): Promise<void>;
}

interface PapaResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

async function* parseRecords(texts: AsyncGenerator<string>, setup: ParseSetup): AsyncGenerator<CsvRecord, void, undefined> {
  const { delimiter, newline, options } = setup;
  const restore = options.restoreNeutralized ?? true;
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  // The character that ends a line inside a quoted field, for the line count.
  const lineEnd = newline === '\r' ? '\r' : '\n';
  let pending = '';
  // A record longer than one chunk is parsed again only once the text has doubled, so a long
  // record costs linear time rather than quadratic.
  let parseAt = 0;
  let line = 1;
  let index = 0;
  let expected = -1;

  try {
    let iteration = await nextText(texts, () => line);
    while (!iteration.done) {
      pending += iteration.value;
      iteration = await nextText(texts, () => line);
      const last = iteration.done === true;
      if (!last && pending.length < parseAt && pending.length <= maxRecordChars) continue;

      const result = parser.parse(pending, 0, !last) as PapaResult;
      pending = pending.slice(result.meta.cursor);
      parseAt = result.data.length === 0 ? pending.length * 2 : 0;
      if (pending.length > maxRecordChars) {
        throw new CsvFormatError(
          'record_too_long',
          `Line ${line}: the record goes on for more than ${maxRecordChars} characters; a quote is probably not closed.`,
          line,
        );
      }

      const badQuotes = quoteProblems(result);
      for (let r = 0; r < result.data.length; r++) {
        const fields = result.data[r]!;
        const start = line;
        line += 1 + countLineBreaks(fields, lineEnd);
        if (newline === '\n') dropTrailingCr(fields);
        if (fields.length === 1 && fields[0] === '') continue; // a blank line
        if (restore) restoreFields(fields);
        if (expected < 0) expected = fields.length;
        yield { line: start, index: index++, fields, problem: problemOf(fields.length, expected, start, badQuotes.get(r)) };
      }
    }
  } finally {
    await setup.close();
  }
}

/** The next decoded chunk; a decoding error says how far the records were good. */
async function nextText(texts: AsyncGenerator<string>, line: () => number): Promise<IteratorResult<string>> {
  try {
    return await texts.next();
  } catch (error) {
    if (error instanceof CsvFormatError && error.line === null) {
      throw new CsvFormatError(error.code, `${error.message} The records before line ${line()} were read correctly.`, line());
    }
    throw error;
  }
}

/** Papaparse reports quote errors per row of a parse call; rows past the data were cut and come again. */
function quoteProblems(result: PapaResult): Map<number, string> {
  const byRow = new Map<number, string>();
  for (const error of result.errors) {
    if (error.row === undefined || error.row >= result.data.length || byRow.has(error.row)) continue;
    byRow.set(
      error.row,
      error.code === 'MissingQuotes'
        ? 'a quoted field is not closed before the end of the file'
        : 'a quote inside a quoted field is not doubled, so its fields may be cut in the wrong places',
    );
  }
  return byRow;
}

function problemOf(actual: number, expected: number, line: number, quotes: string | undefined): CsvRowProblem | null {
  if (quotes) return { code: 'quotes', message: `Line ${line}: ${quotes}.` };
  if (actual === expected) return null;
  return {
    code: 'ragged',
    expected,
    actual,
    message: `Line ${line}: ${actual} ${actual === 1 ? 'field' : 'fields'} where the first line has ${expected}.`,
  };
}

function countLineBreaks(fields: string[], lineEnd: string): number {
  let count = 0;
  for (const field of fields) {
    let at = field.indexOf(lineEnd);
    while (at !== -1) {
      count++;
      at = field.indexOf(lineEnd, at + 1);
    }
  }
  return count;
}

/** A file whose first line ends in LF may still end later lines in CRLF. */
function dropTrailingCr(fields: string[]): void {
  const lastIndex = fields.length - 1;
  const last = fields[lastIndex]!;
  if (last.charCodeAt(last.length - 1) === 13) fields[lastIndex] = last.slice(0, -1);
}

function restoreFields(fields: string[]): void {
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.charCodeAt(0) === 39) fields[i] = restoreCell(field);
  }
}
