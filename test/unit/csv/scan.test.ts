import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanCsvFile } from '../../../main/csv/scan.ts';
import { makeTempDir, type TempDir } from './csv-test-support.ts';

let tmp: TempDir;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.remove());

describe('scanCsvFile', () => {
  it('reports the detected format, the header, a sample, the count and the lines that cannot be trusted', async () => {
    const file = tmp.file('old-excel.csv');
    const lines = ['Имя;Телефон;Город'];
    for (let i = 1; i <= 30; i++) lines.push(i === 7 ? 'Сломанная строка;без города' : i === 12 ? 'a;b;c;d' : `Анна ${i};+7 915 000-00-${String(i).padStart(2, '0')};Тверь`);
    writeFileSync(file, iconv.encode(lines.join('\r\n') + '\r\n', 'win1251'));
    const progress: [number, number][] = [];
    const result = await scanCsvFile(file, { sampleRows: 2, maxProblems: 1 }, { progress: (d, t) => progress.push([d, t]), batchRecords: 10 });
    expect(result).toEqual({
      encoding: 'windows-1251',
      bom: false,
      delimiter: ';',
      delimiterConfident: true, // two ragged lines out of 31 do not make it a guess
      newline: '\r\n',
      header: ['Имя', 'Телефон', 'Город'],
      sample: [
        { line: 2, fields: ['Анна 1', '+7 915 000-00-01', 'Тверь'] },
        { line: 3, fields: ['Анна 2', '+7 915 000-00-02', 'Тверь'] },
      ],
      records: 30,
      problems: [{ code: 'ragged', expected: 3, actual: 2, line: 8, message: 'Line 8: 2 fields where the first line has 3.' }],
      problemCount: 2,
    });
    expect(progress.at(-1)).toEqual([progress[0]![1], progress[0]![1]]);
  });

  it('scans an empty file without complaint', async () => {
    const file = tmp.file('empty.csv');
    writeFileSync(file, '');
    expect(await scanCsvFile(file)).toMatchObject({ header: null, records: 0, sample: [], problemCount: 0 });
  });
});
