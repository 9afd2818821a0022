import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../main/csv/atomic-file.ts';
import type { CsvDelimiter } from '../../../main/csv/detect.ts';
import { openCsvFile } from '../../../main/csv/reader.ts';
import { createCsvWriter } from '../../../main/csv/writer.ts';
import { fieldsOf, makeTempDir, readAll, seeded, type TempDir } from './csv-test-support.ts';

// Pieces that break naive CSV code; no U+FEFF (a leading one would read as a byte order mark)
// and no lone surrogates (they cannot be stored in UTF-8 at all).
const PIECES = [
  'a', 'Z', '7', ' ', 'Анна', 'ё', 'Ж', '«', '»', '—', '🦔', '中', '"', '""', "'", ',', ';', '\t', '|',
  '\r', '\n', '\r\n', '=', '+', '-', '@', '+7 915 123-45-67', "'=", '=SUM(A1)', 'é', '\u00a0',
];

function randomValue(random: () => number): string {
  if (random() < 0.1) return '';
  let value = '';
  const parts = 1 + Math.floor(random() * 6);
  for (let i = 0; i < parts; i++) value += PIECES[Math.floor(random() * PIECES.length)];
  return value;
}

function randomTable(seed: number, rowCount: number, columnCount: number): string[][] {
  const random = seeded(seed);
  return Array.from({ length: rowCount }, () => Array.from({ length: columnCount }, () => randomValue(random)));
}

let tmp: TempDir;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.remove());

describe('writer → file → reader', () => {
  const cases: { delimiter: CsvDelimiter; bom: boolean; seed: number }[] = [
    { delimiter: ',', bom: true, seed: 1 },
    { delimiter: ';', bom: true, seed: 2 },
    { delimiter: ',', bom: false, seed: 3 },
    { delimiter: '\t', bom: false, seed: 4 },
    { delimiter: '|', bom: true, seed: 5 },
  ];

  it.each(cases)('gives back the same strings (delimiter $delimiter, BOM $bom)', async ({ delimiter, bom, seed }) => {
    const columnCount = 2 + (seed % 5);
    const header = Array.from({ length: columnCount }, (_, i) => `колонка ${i}`);
    const body = randomTable(seed, 600, columnCount);
    const writer = createCsvWriter({ columns: header.map((h) => ({ header: h })), delimiter, bom });
    const file = tmp.file(`round-trip-${seed}.csv`);
    await writeFileAtomically(file, async (out) => {
      await out.write(writer.start());
      for (let i = 0; i < body.length; i += 50) await out.write(writer.rows(body.slice(i, i + 50)));
    });

    // The reader finds the delimiter itself, from a file written in small chunks.
    const reader = await openCsvFile(file, { chunkBytes: 1000 });
    expect([reader.delimiter, reader.bom, reader.newline]).toEqual([delimiter, bom, '\r\n']);
    const read = [];
    for await (const record of reader.records()) {
      expect(record.problem).toBeNull();
      read.push(record.fields);
    }
    expect(read).toEqual([header, ...body]);

    // Byte-level chunk edges everywhere, with a small sniff so the parser's own edges are hit too.
    const bytes = readFileSync(file);
    expect(fieldsOf(await readAll(bytes, { sniffBytes: 100 }, [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144]))).toEqual([header, ...body]);
  });

  it('writes nothing that a spreadsheet would run as a formula', async () => {
    const body = randomTable(9, 2000, 3);
    const writer = createCsvWriter({ columns: [{ header: 'a' }, { header: 'b' }, { header: 'c' }], bom: false });
    const records = await readAll(new TextEncoder().encode(writer.start() + writer.rows(body)), { restoreNeutralized: false });
    for (const { fields } of records) {
      for (const field of fields) {
        if (/^[=+\-@\t\r]/.test(field)) expect(field).toMatch(/^[+-][\d ().-]*$/);
      }
    }
  });
});
