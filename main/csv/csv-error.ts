export type CsvErrorCode =
  /** Not a text file we can read (a workbook, an archive, binary data, an unknown encoding). */
  | 'not_text'
  /** Bytes that are not valid in the detected encoding. */
  | 'undecodable'
  /** A record that never ends: almost always a quote that is not closed. */
  | 'record_too_long';

/**
 * A file the reader refuses, with a message a seller can act on. `line` is the 1-based line
 * where the problem was seen, when the reader got that far.
 */
export class CsvFormatError extends Error {
  readonly code: CsvErrorCode;
  readonly line: number | null;
  constructor(code: CsvErrorCode, message: string, line: number | null = null) {
    super(message);
    this.name = 'CsvFormatError';
    this.code = code;
    this.line = line;
  }
}
