import { CsvFormatError } from './csv-error.ts';

/**
 * Sniffing a CSV file from its first bytes: the encoding (before any decoding), then the line
 * break and the delimiter (on the decoded text). Everything here is a pure function of a sample,
 * so the reader and an import preview make the same call.
 */

export type CsvEncoding = 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be';
export type CsvDelimiter = ',' | ';' | '\t' | '|';
export type CsvNewline = '\r\n' | '\n' | '\r';

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

/** How much of the file the sniffers look at; the reader reads at least this much first. */
export const SNIFF_BYTES = 64 * 1024;

export interface EncodingDetection {
  encoding: CsvEncoding;
  /** Bytes of byte order mark to skip before decoding (0 when there is none). */
  bomLength: number;
}

const SAVE_AS_HINT = 'In Excel choose File › Save As › "CSV UTF-8 (comma delimited)" and import that file.';

/**
 * The encoding of a file from its first bytes (`complete` when the sample is the whole file).
 * A byte order mark decides; otherwise valid UTF-8 is UTF-8, and anything else must look like
 * Cyrillic Windows-1251 (what old Excel writes in Russian locales). The rest is refused with a
 * message rather than decoded into garbage.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): EncodingDetection {
  const [b0, b1, b2, b3] = sample;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) {
    if (b2 === 0 && b3 === 0) throw notText('The file is in UTF-32, which is not supported.');
    return { encoding: 'utf-16le', bomLength: 2 };
  }
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04) {
    throw notText('This is an Excel workbook (or another ZIP archive), not a CSV file.');
  }
  if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0) {
    throw notText('This is an old Excel workbook (.xls), not a CSV file.');
  }
  if (sample.includes(0)) {
    throw notText(
      looksLikeUtf16(sample)
        ? 'The file looks like UTF-16 without a byte order mark, which cannot be read reliably.'
        : 'The file holds binary data, not text.',
    );
  }
  if (isValidUtf8(sample, complete)) return { encoding: 'utf-8', bomLength: 0 };
  if (looksLikeBrokenUtf8(sample)) throw notText('The file looks like UTF-8 text with damaged bytes.');
  if (looksLikeWindows1251(sample)) return { encoding: 'windows-1251', bomLength: 0 };
  throw notText('The file is neither UTF-8 nor Cyrillic Windows-1251 text.');
}

/** The length of the byte order mark of `encoding` at the start of `sample`, or 0. */
export function byteOrderMarkLength(sample: Uint8Array, encoding: CsvEncoding): number {
  const [b0, b1, b2] = sample;
  if (encoding === 'utf-8') return b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return b0 === 0xff && b1 === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return b0 === 0xfe && b1 === 0xff ? 2 : 0;
  return 0;
}

function notText(reason: string): CsvFormatError {
  return new CsvFormatError('not_text', `${reason} ${SAVE_AS_HINT}`);
}

function isValidUtf8(sample: Uint8Array, complete: boolean): boolean {
  try {
    // stream: true when the sample was cut, so a character split at its end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** ASCII text in UTF-16 has a zero byte in every other position. */
function looksLikeUtf16(sample: Uint8Array): boolean {
  let even = 0;
  let odd = 0;
  const n = Math.min(sample.length, 4096);
  for (let i = 0; i < n; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  return Math.max(even, odd) > n / 4;
}

/**
 * UTF-8 Cyrillic has a lead byte D0 or D1 before every letter; read as 1251 those are the
 * capitals Р and С, rare in real text. So many of them means UTF-8 that fails to decode.
 */
function looksLikeBrokenUtf8(sample: Uint8Array): boolean {
  let high = 0;
  let leads = 0;
  for (const b of sample) {
    if (b < 0x80) continue;
    high++;
    if (b === 0xd0 || b === 0xd1) leads++;
  }
  return high > 0 && leads >= high * 0.3;
}

/**
 * Windows-1251 decodes almost any byte, so "decodable" proves nothing. Cyrillic text has its
 * high bytes in runs of letters (words), while Latin-1 text read as 1251 has single accented
 * letters between ASCII letters ("Müller"). 0x98 is unassigned in 1251; C0 control bytes mean
 * binary data.
 */
function looksLikeWindows1251(sample: Uint8Array): boolean {
  let letters = 0;
  let nextToAscii = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0x98) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
    if (!isCyrillicLetter1251(b)) continue;
    letters++;
    if (isAsciiLetter(sample[i - 1]) || isAsciiLetter(sample[i + 1])) nextToAscii++;
  }
  return letters > 0 && nextToAscii <= letters * 0.2;
}

function isCyrillicLetter1251(b: number): boolean {
  return b >= 0xc0 || b === 0xa8 || b === 0xb8; // А..я, Ё, ё
}

function isAsciiLetter(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
}

/** The first line break outside quotes decides; a file of one line gets '\n'. */
export function detectNewline(text: string): CsvNewline {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && c === 10) return '\n';
    else if (!inQuotes && c === 13) {
      if (i + 1 === text.length) return '\r\n'; // cut right after the CR: the common case
      return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
    }
  }
  return '\n';
}

export interface DelimiterDetection {
  delimiter: CsvDelimiter;
  /** False when no candidate splits 90% of the sampled lines alike: the UI should ask. */
  confident: boolean;
}

/**
 * The delimiter is the candidate that appears, outside quotes, the same number of times on
 * every sampled line (the share of lines agreeing on the most common count, then the count,
 * then the order of CSV_DELIMITERS breaks ties). `complete` says whether the text is the whole
 * file; when it is not, the last (possibly cut) line is left out.
 */
export function detectDelimiter(text: string, complete: boolean, maxLines = 50): DelimiterDetection {
  const lines = countPerLine(text, complete, maxLines);
  let best: { delimiter: CsvDelimiter; share: number; count: number } | null = null;
  for (const [index, delimiter] of CSV_DELIMITERS.entries()) {
    const counts = lines.map((line) => line[index]!);
    const [count, agreeing] = mode(counts);
    const share = count > 0 && counts.length > 0 ? agreeing / counts.length : 0;
    if (!best || share > best.share || (share === best.share && count > best.count)) {
      best = { delimiter, share, count };
    }
  }
  if (!best || best.share === 0) return { delimiter: ',', confident: false };
  // A ragged line or two must not make a clear winner look like a guess.
  return { delimiter: best.delimiter, confident: best.share >= 0.9 };
}

/** For each non-blank line (a record: quoted line breaks do not end it), the count of each candidate. */
function countPerLine(text: string, complete: boolean, maxLines: number): number[][] {
  const codes = CSV_DELIMITERS.map((d) => d.charCodeAt(0));
  const lines: number[][] = [];
  let current = codes.map(() => 0);
  let blank = true;
  let inQuotes = false;
  for (let i = 0; i < text.length && lines.length < maxLines; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      inQuotes = !inQuotes;
      blank = false;
    } else if (inQuotes) {
      continue;
    } else if (c === 10 || c === 13) {
      if (!blank) lines.push(current);
      current = codes.map(() => 0);
      blank = true;
    } else {
      blank = false;
      const k = codes.indexOf(c);
      if (k >= 0) current[k]!++;
    }
  }
  if (complete && !blank && lines.length < maxLines) lines.push(current);
  return lines;
}

/** The most common value and how many times it occurs (the larger value on a tie). */
function mode(values: number[]): [number, number] {
  const seen = new Map<number, number>();
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  let value = 0;
  let times = 0;
  for (const [v, n] of seen) {
    if (n > times || (n === times && v > value)) {
      value = v;
      times = n;
    }
  }
  return [value, times];
}
