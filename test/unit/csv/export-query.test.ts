import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportQueryToCsv, type CsvExportRequest } from '../../../main/csv/export-query.ts';
import { makeTempDir, type TempDir } from './csv-test-support.ts';

let tmp: TempDir;
let db: Database.Database;
beforeEach(() => {
  tmp = makeTempDir();
  db = new Database(tmp.file('test.db'));
  db.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, phone TEXT, note TEXT, value_minor INTEGER, created_at INTEGER, close_on TEXT)');
  const insert = db.prepare('INSERT INTO people (name, phone, note, value_minor, created_at, close_on) VALUES (?, ?, ?, ?, ?, ?)');
  insert.run('Анна Петрова', '+7 915 123-45-67', 'Позвонить, "срочно"\r\nпосле обеда', -1250, Date.UTC(2026, 2, 2, 9), '2026-06-30');
  insert.run('=HYPERLINK("x")', null, '', 0, Date.UTC(2026, 2, 3), null);
  insert.run("'=already", '@home', 'line1\nline2', 99, Date.UTC(2026, 2, 4), null);
});
afterEach(() => {
  db.close();
  tmp.remove();
});

const request = (target: string, extra: Partial<CsvExportRequest> = {}): CsvExportRequest => ({
  query: { sql: 'SELECT name, phone, note, value_minor, created_at, close_on FROM people WHERE id >= ? ORDER BY id', params: [1] },
  columns: [
    { header: 'Имя' },
    { header: 'Телефон' },
    { header: 'Заметка' },
    { header: 'Сумма', type: 'number' },
    { header: 'Создан', type: 'datetime' },
    { header: 'Закрытие', type: 'date' },
  ],
  target,
  ...extra,
});

describe('exportQueryToCsv', () => {
  it('writes the rows of the query as an Excel-friendly CSV and reports progress', async () => {
    const target = tmp.file('people.csv');
    const progress: [number, number][] = [];
    const result = await exportQueryToCsv(db, request(target, { delimiter: ';' }), { progress: (done, total) => progress.push([done, total]), batchRows: 2 });
    const bytes = readFileSync(target);
    expect(result).toEqual({ target, rows: 3, bytes: bytes.length });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(
      '\uFEFFИмя;Телефон;Заметка;Сумма;Создан;Закрытие\r\n' +
        'Анна Петрова;+7 915 123-45-67;"Позвонить, ""срочно""\r\nпосле обеда";-1250;2026-03-02T09:00:00.000Z;2026-06-30\r\n' +
        '"\'=HYPERLINK(""x"")";;;0;2026-03-03T00:00:00.000Z;\r\n' +
        "''=already;'@home;\"line1\nline2\";99;2026-03-04T00:00:00.000Z;\r\n",
    );
    expect(progress).toEqual([[0, 3], [2, 3], [3, 3]]);
    const parsed = parse(bytes, { bom: true, delimiter: ';' }) as string[][];
    expect(parsed).toHaveLength(4);
  });

  it('leaves no file and no temp file when cancelled mid-way, and keeps an older file', async () => {
    const target = tmp.file('people.csv');
    writeFileSync(target, 'the previous export');
    let checks = 0;
    const cancel = new Error('cancelled');
    await expect(
      exportQueryToCsv(db, request(target), {
        batchRows: 1,
        checkCancelled: () => {
          if (++checks === 3) throw cancel;
        },
      }),
    ).rejects.toBe(cancel);
    expect(readdirSync(tmp.dir).filter((name) => name.includes('people'))).toEqual(['people.csv']);
    expect(readFileSync(target, 'utf8')).toBe('the previous export');
  });

  it('clears a temp file that a killed export left behind', async () => {
    const target = tmp.file('people.csv');
    writeFileSync(tmp.file('.people.csv.aaaaaaaaaaaa.voronka-tmp'), 'stale');
    await exportQueryToCsv(db, request(target));
    expect(readdirSync(tmp.dir).filter((name) => name.includes('people'))).toEqual(['people.csv']);
  });

  it('refuses a query whose columns do not match the description, before creating a file', async () => {
    const target = tmp.file('people.csv');
    await expect(exportQueryToCsv(db, request(target, { columns: [{ header: 'only one' }] }))).rejects.toThrow(/returns 6 columns but 1 are described/);
    expect(existsSync(target)).toBe(false);
  });
});
