import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvFormatError } from '../../../main/csv/csv-error.ts';
import { openCsvFile, openCsvStream } from '../../../main/csv/reader.ts';
import { chunked, fieldsOf, makeTempDir, readAll, utf8, type TempDir } from './csv-test-support.ts';

/** Chunk sizes that cut the text everywhere: single bytes, odd sizes, larger runs. */
const CUTS = [[1], [2, 3], [7], [5, 1, 13]];

async function rows(text: string | Uint8Array, options = {}, sizes?: number[]): Promise<string[][]> {
  return fieldsOf(await readAll(typeof text === 'string' ? utf8(text) : text, options, sizes));
}

describe('reading the classic CSV cases', () => {
  it('keeps a comma inside quotes in its field', async () => {
    expect(await rows('name,city\r\n"Petrova, Anna",Moscow\r\n')).toEqual([['name', 'city'], ['Petrova, Anna', 'Moscow']]);
  });

  it('turns doubled quotes into one', async () => {
    expect(await rows('a,b\r\n"say ""hi""","""x"""\r\n')).toEqual([['a', 'b'], ['say "hi"', '"x"']]);
  });

  it('keeps line breaks inside quotes, and the record starts on its own line number', async () => {
    const records = await readAll(utf8('name,note\r\nАнна,"line 1\r\nline 2\nline 3"\r\nПётр,short\r\n'));
    expect(records.map((r) => [r.line, r.index, r.fields])).toEqual([
      [1, 0, ['name', 'note']],
      [2, 1, ['Анна', 'line 1\r\nline 2\nline 3']],
      [5, 2, ['Пётр', 'short']],
    ]);
  });

  it('reads CRLF, LF and old-Mac CR files alike, and a file that mixes CRLF and LF', async () => {
    const expected = [['a', 'b'], ['1', '2'], ['3', '4']];
    expect(await rows('a,b\r\n1,2\r\n3,4\r\n')).toEqual(expected);
    expect(await rows('a,b\n1,2\n3,4\n')).toEqual(expected);
    expect(await rows('a,b\r1,2\r3,4\r')).toEqual(expected);
    expect(await rows('a,b\n1,2\r\n3,4\r\n')).toEqual(expected);
    expect(await rows('a,b\n1,"2"\r\n"3",4')).toEqual(expected);
  });

  it('reads empty fields, an empty last field, and a file without a final line break', async () => {
    expect(await rows('a,b,c\r\n,,\r\n1,,\r\n,2,\r\n"",x,""\r\nlast,,')).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['1', '', ''],
      ['', '2', ''],
      ['', 'x', ''],
      ['last', '', ''],
    ]);
  });

  it('skips blank lines but keeps counting them', async () => {
    const records = await readAll(utf8('a,b\r\n\r\n1,2\r\n\r\n\r\n3,4\r\n'));
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
      [6, ['3', '4']],
    ]);
  });

  it('drops the UTF-8 byte order mark', async () => {
    const reader = await openCsvStream(chunked(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('имя,город\r\nАнна,Тверь\r\n')])));
    expect(reader.encoding).toBe('utf-8');
    expect(reader.bom).toBe(true);
    const records = [];
    for await (const r of reader.records()) records.push(r.fields);
    expect(records).toEqual([['имя', 'город'], ['Анна', 'Тверь']]);
  });

  it('reads Windows-1251 Cyrillic', async () => {
    const bytes = iconv.encode('Фамилия;Город\r\nЁлкина;Москва\r\n«Ромашка»;Тверь — центр\r\n', 'win1251');
    const reader = await openCsvStream(chunked(bytes, [3]));
    expect([reader.encoding, reader.delimiter]).toEqual(['windows-1251', ';']);
    const records = [];
    for await (const r of reader.records()) records.push(r.fields);
    expect(records).toEqual([['Фамилия', 'Город'], ['Ёлкина', 'Москва'], ['«Ромашка»', 'Тверь — центр']]);
  });

  it('reads UTF-16 LE and BE with a byte order mark, whatever the chunk edges', async () => {
    const text = 'имя\tтелефон\r\nАнна\t+7 915 123-45-67\r\n';
    const le = Uint8Array.from([0xff, 0xfe, ...iconv.encode(text, 'utf16le')]);
    const be = Uint8Array.from([0xfe, 0xff, ...iconv.encode(text, 'utf16be')]);
    for (const sizes of CUTS) {
      expect(await rows(le, {}, sizes)).toEqual([['имя', 'телефон'], ['Анна', '+7 915 123-45-67']]);
      expect(await rows(be, {}, sizes)).toEqual([['имя', 'телефон'], ['Анна', '+7 915 123-45-67']]);
    }
  });

  it('puts together a multi-byte character split across chunks, in the sniffed head and after it', async () => {
    const text = 'имя,заметка\r\n' + Array.from({ length: 40 }, (_, i) => `Пётр ${i},"ёж 🦔, «цитата»\r\nещё"\r\n`).join('');
    const expected = await rows(text);
    expect(expected).toHaveLength(41);
    for (const sizes of CUTS) {
      expect(await rows(text, {}, sizes)).toEqual(expected);
      expect(await rows(text, { sniffBytes: 16 }, sizes)).toEqual(expected);
    }
  });

  it('detects the semicolon and the tab', async () => {
    const semicolon = await openCsvStream(chunked(utf8('a;b\r\n1,5;2\r\n')));
    expect([semicolon.delimiter, semicolon.delimiterConfident, semicolon.newline]).toEqual([';', true, '\r\n']);
    const tab = await openCsvStream(chunked(utf8('a\tb\n"x, y"\t2\n')));
    expect([tab.delimiter, tab.newline]).toEqual(['\t', '\n']);
    const rowsOfTab = [];
    for await (const r of tab.records()) rowsOfTab.push(r.fields);
    expect(rowsOfTab).toEqual([['a', 'b'], ['x, y', '2']]);
  });

  it('takes an encoding it is told, even one that sniffing would refuse', async () => {
    const latin1AsCyrillic = iconv.encode('Name,Stadt\r\nMüller,Köln\r\n', 'latin1');
    await expect(rows(latin1AsCyrillic)).rejects.toThrow(/neither UTF-8 nor Cyrillic/);
    expect(await rows(latin1AsCyrillic, { encoding: 'windows-1251' })).toEqual([['Name', 'Stadt'], ['Mьller', 'Kцln']]);
    expect(await rows(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('a,b\r\n')]), { encoding: 'utf-8' })).toEqual([['a', 'b']]);
  });

  it('takes a delimiter it is told, over what it would sniff', async () => {
    expect(await rows('a;b,c\r\n', { delimiter: ',' })).toEqual([['a;b', 'c']]);
  });
});

describe('reporting rows that cannot be trusted', () => {
  it('reports ragged rows with their line numbers and field counts, and does not pad or cut them', async () => {
    const records = await readAll(utf8('a,b,c\r\n1,2,3\r\n4,5\r\n"multi\r\nline",7,8,9\r\n10,11,12\r\n'));
    expect(records.map((r) => [r.line, r.fields, r.problem])).toEqual([
      [1, ['a', 'b', 'c'], null],
      [2, ['1', '2', '3'], null],
      [3, ['4', '5'], { code: 'ragged', expected: 3, actual: 2, message: 'Line 3: 2 fields where the first line has 3.' }],
      [4, ['multi\r\nline', '7', '8', '9'], { code: 'ragged', expected: 3, actual: 4, message: 'Line 4: 4 fields where the first line has 3.' }],
      [6, ['10', '11', '12'], null],
    ]);
  });

  it('reports a quote that is never closed', async () => {
    const records = await readAll(utf8('a,b\r\n1,"open\r\n2,3\r\n'));
    expect(records.at(-1)!.line).toBe(2);
    expect(records.at(-1)!.problem).toEqual({ code: 'quotes', message: 'Line 2: a quoted field is not closed before the end of the file.' });
  });

  it('reports a stray quote inside a quoted field', async () => {
    const records = await readAll(utf8('a,b\r\n"bad "quote" here",x\r\nok,y\r\n'));
    expect(records[1]!.problem).toMatchObject({ code: 'quotes' });
    expect(records[1]!.problem!.message).toMatch(/^Line 2: a quote inside a quoted field is not doubled/);
  });

  it('stops with a clear error on a record that never ends (an unclosed quote in a big file)', async () => {
    const text = 'a,b\r\n1,"never closed\r\n' + 'filler,filler\r\n'.repeat(500);
    const error = await readAll(utf8(text), { maxRecordChars: 1000, sniffBytes: 64 }, [64]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFormatError);
    expect(error).toMatchObject({ code: 'record_too_long', line: 2 });
    expect((error as Error).message).toMatch(/^Line 2: .*quote is probably not closed/);
  });

  it('refuses bytes that are not UTF-8 after a good start, saying how far the records were good', async () => {
    const bytes = Uint8Array.from([...utf8('a,b\r\n1,2\r\n3,4\r\n'), 0xff, ...utf8(',x\r\n')]);
    const error = await readAll(bytes, { sniffBytes: 8 }, [8]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFormatError);
    expect(error).toMatchObject({ code: 'undecodable' });
    expect((error as Error).message).toMatch(/not valid UTF-8 text.*The records before line \d were read correctly/);
  });

  it('refuses a file that is not text before reading any record', async () => {
    await expect(openCsvStream(chunked(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0])))).rejects.toThrow(/Excel workbook/);
  });
});

describe('formula guards', () => {
  it('are undone by default, and kept when asked', async () => {
    const text = "a,b\r\n'=SUM(A1),''=already\r\n+7 915 123-45-67,'plain\r\n";
    expect(await rows(text)).toEqual([['a', 'b'], ['=SUM(A1)', "'=already"], ['+7 915 123-45-67', "'plain"]]);
    expect((await rows(text, { restoreNeutralized: false }))[1]).toEqual(["'=SUM(A1)", "''=already"]);
  });
});

describe('openCsvFile', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => tmp.remove());

  it('streams a file larger than its chunks and reports the bytes read', async () => {
    const file = tmp.file('big.csv');
    const lines = ['id;имя;заметка'];
    for (let i = 1; i <= 5000; i++) lines.push(`${i};Анна ${i};"строка 1\r\nстрока 2; ""кавычки"""`);
    writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
    const reader = await openCsvFile(file, { chunkBytes: 4096 });
    expect([reader.encoding, reader.bom, reader.delimiter]).toEqual(['utf-8', true, ';']);
    let count = 0;
    let last = null;
    for await (const record of reader.records()) {
      expect(record.problem).toBeNull();
      count++;
      last = record;
    }
    expect(count).toBe(5001);
    expect(last).toEqual({ line: 1 + 5000 * 2 - 1, index: 5000, fields: ['5000', 'Анна 5000', 'строка 1\r\nстрока 2; "кавычки"'], problem: null });
    expect(reader.bytesRead).toBe(Buffer.byteLength('\uFEFF' + lines.join('\r\n') + '\r\n'));
  });

  it('can stop early, and refuses a second iteration', async () => {
    const file = tmp.file('two.csv');
    writeFileSync(file, 'a,b\n1,2\n3,4\n');
    const reader = await openCsvFile(file);
    for await (const record of reader.records()) {
      expect(record.fields).toEqual(['a', 'b']);
      break;
    }
    expect(() => reader.records()).toThrow(/only once/);
    await reader.close();
  });

  it('stops when its signal is aborted, and closes the file', async () => {
    const file = tmp.file('long.csv');
    writeFileSync(file, 'a,b\r\n' + '1,2\r\n'.repeat(50_000));
    const controller = new AbortController();
    const reader = await openCsvFile(file, { chunkBytes: 1024, sniffBytes: 1024, signal: controller.signal });
    let seen = 0;
    const stopped = (async () => {
      for await (const record of reader.records()) {
        if (++seen === 100) controller.abort();
        expect(record.problem).toBeNull();
      }
    })();
    await expect(stopped).rejects.toThrow(/aborted/i);
    expect(seen).toBeLessThan(50_001);
  });

  it('fails with the file system error for a missing file', async () => {
    await expect(openCsvFile(tmp.file('missing.csv'))).rejects.toThrow(/ENOENT/);
  });
});
