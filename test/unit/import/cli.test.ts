import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli.ts';
import { makeTempDir, type TempDir } from '../../support/services.ts';

let tmp: TempDir;
let dbFile: string;
beforeEach(() => {
  tmp = makeTempDir('voronka-cli-transfer-');
  dbFile = tmp.file('cli.db');
});
afterEach(() => tmp.remove());

const count = (file = dbFile, where = '1 = 1') => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM leads WHERE ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('export leads', () => {
  it('writes every field of every lead, progress on stderr, a summary line on stdout', async () => {
    await cli('--db', dbFile, 'seed', '--leads', '40');
    const out = tmp.file('all.csv');
    const result = await cli('--db', dbFile, 'export', 'leads', '--out', out);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`^Exported 40 leads to ${out.replaceAll('/', '\\/')} \\(\\d+\\.\\d KB\\)\\.$`));
    expect(result.err).toContain('Exported 40 of 40 rows...');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFID,First name,Last name,E-mail,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(42);
  });

  it('--columns, --filter, --delimiter and --no-bom', async () => {
    await cli('--db', dbFile, 'seed', '--leads', '60');
    const out = tmp.file('mql.csv');
    const filter = JSON.stringify({ all: [{ field: 'stageKey', op: 'is_any_of', values: ['mql'] }] });
    const result = await cli('--db', dbFile, 'export', 'leads', '--out', out, '--columns', 'name,email,stageKey', '--filter', filter, '--delimiter', ';', '--no-bom');
    expect(result.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Name;E-mail;Stage');
    expect(lines.length - 1).toBe(count(dbFile, "stage_key = 'mql' AND deleted_at IS NULL"));
    expect(lines.slice(1).every((line) => line.endsWith(';MQL'))).toBe(true);
  });

  it('wrong usage exits 2; a folder that does not exist fails with 1 and a clear message', async () => {
    await cli('--db', dbFile, 'seed', '--leads', '5');
    expect((await cli('--db', dbFile, 'export', 'leads')).code).toBe(2);
    expect((await cli('--db', dbFile, 'export', 'deals', '--out', tmp.file('x.csv'))).code).toBe(2);
    const badColumns = await cli('--db', dbFile, 'export', 'leads', '--out', tmp.file('x.csv'), '--columns', 'name,salary');
    expect(badColumns.code).toBe(2);
    expect(badColumns.err).toMatch(/unknown: salary/);
    expect((await cli('--db', dbFile, 'export', 'leads', '--out', tmp.file('x.csv'), '--delimiter', '|')).code).toBe(2);
    const failed = await cli('--db', dbFile, 'export', 'leads', '--out', tmp.file('missing/x.csv'));
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/^Export failed: .*was not changed\.$/s);
  });
});

describe('import FILE', () => {
  const PROSPECTS = 'ФИО;Эл. почта;Компания;Телефон\r\nПетрова Анна Сергеевна;anna@romashka.ru;Ромашка;+7 915 123-45-67\r\nИванов Иван;ivan@;Лес;\r\n';

  it('imports with the suggested mapping and prints a summary with the reasons', async () => {
    const file = tmp.file('prospects.csv');
    writeFileSync(file, iconv.encode(PROSPECTS, 'win1251'));
    const result = await cli('--db', dbFile, 'import', file);
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      'Import 1 done. Read 2 rows: imported 1, updated 0, skipped 0 duplicates, rejected 1.\n  Line 3: E-mail: "ivan@" — That e-mail address does not look right.',
    );
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare('SELECT first_name, last_name, phone FROM leads').all()).toEqual([{ first_name: 'Анна Сергеевна', last_name: 'Петрова', phone: '+7 915 123-45-67' }]);
    db.close();
  });

  it('--dry-run reads and checks everything and writes nothing', async () => {
    const file = tmp.file('prospects.csv');
    writeFileSync(file, PROSPECTS);
    await cli('--db', dbFile, 'stages');
    const before = readFileSync(dbFile);
    const result = await cli('--db', dbFile, 'import', file, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toBe('Dry run, nothing written. Read 2 rows: would create 1, update 0, skip 0 duplicates, reject 1.\n  1 × E-mail: … — That e-mail address does not look right.');
    expect(count()).toBe(0);
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM import_mappings').get()).toEqual({ n: 0 });
    db.close();
    expect(readFileSync(dbFile).equals(before)).toBe(true);
  });

  it('--json prints the format, the mapping, the counts and the rejected lines', async () => {
    const file = tmp.file('prospects.csv');
    writeFileSync(file, PROSPECTS);
    await cli('--db', dbFile, 'import', file);
    const again = await cli('--db', dbFile, 'import', file, '--json', '--on-duplicate', 'update');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual({
      file,
      encoding: 'utf-8',
      delimiter: ';',
      records: 2,
      mapping: { ФИО: 'fullNameLastFirst', 'Эл. почта': 'email', Компания: 'companyName', Телефон: 'phone' },
      importId: 2,
      status: 'done',
      message: null,
      counts: { read: 2, created: 0, duplicates: 1, updated: 1, skipped: 0, rejected: 1, existingCompanies: 0 },
      rejected: [{ line: 3, error: 'Line 3: E-mail: "ivan@" — That e-mail address does not look right.' }],
    });
  });

  it('--map MAPFILE: {"CSV header": "field"}; columns left out are not imported', async () => {
    const file = tmp.file('crm.csv');
    writeFileSync(file, 'Who,Mail,Notes\r\nAnna Petrova,anna@example.com,=secret\r\n');
    const map = tmp.file('map.json');
    writeFileSync(map, JSON.stringify({ Who: 'fullName', Mail: 'email' }));
    const result = await cli('--db', dbFile, 'import', file, '--map', map, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).mapping).toEqual({ Who: 'fullName', Mail: 'email', Notes: null });
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare('SELECT first_name, last_name, email FROM leads').all()).toEqual([{ first_name: 'Anna', last_name: 'Petrova', email: 'anna@example.com' }]);
    db.close();
    writeFileSync(map, JSON.stringify({ Who: 'salary' }));
    const bad = await cli('--db', dbFile, 'import', file, '--map', map);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/"Who" maps to "salary", which is not a field/);
    writeFileSync(map, JSON.stringify({ Whom: 'email' }));
    expect((await cli('--db', dbFile, 'import', file, '--map', map)).err).toMatch(/--map names columns the file does not have: Whom/);
  });

  it('exits 1 when nothing could be read, and says why', async () => {
    const missing = await cli('--db', dbFile, 'import', tmp.file('nope.csv'));
    expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/^Nothing was imported: Cannot read .*nope\.csv: it does not exist or is not a file\.$/) });
    writeFileSync(tmp.file('book.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    const workbook = await cli('--db', dbFile, 'import', tmp.file('book.xlsx'));
    expect(workbook.code).toBe(1);
    expect(workbook.err).toMatch(/Nothing was imported: This is an Excel workbook/);
    writeFileSync(tmp.file('header.csv'), 'Name,Email\r\n');
    expect(await cli('--db', dbFile, 'import', tmp.file('header.csv'))).toMatchObject({ code: 1, err: 'Nothing was imported: header.csv has a header and no rows.' });
    writeFileSync(tmp.file('unknown.csv'), 'Foo,Bar\r\n1,2\r\n');
    expect((await cli('--db', dbFile, 'import', tmp.file('unknown.csv'))).err).toMatch(/no column of unknown\.csv matches a lead field/);
    expect((await cli('--db', dbFile, 'import', tmp.file('header.csv'), '--on-duplicate', 'merge')).code).toBe(2);
    expect((await cli('--db', dbFile, 'import')).code).toBe(2);
    expect(existsSync(dbFile)).toBe(true);
    expect(count()).toBe(0);
  });

  it('an export reads back through the CLI too', async () => {
    await cli('--db', dbFile, 'seed', '--leads', '30');
    await cli('--db', dbFile, 'export', 'leads', '--out', tmp.file('all.csv'), '--delimiter', ';');
    const other = tmp.file('other.db');
    // The team must exist for owners to match: seeding one lead brings the demo team.
    await cli('--db', other, 'seed', '--leads', '1');
    const result = await cli('--db', other, 'import', tmp.file('all.csv'));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Import 1 done\. Read 30 rows: imported \d+, updated 0, skipped \d+ duplicates, rejected 0\.$/);
    expect(count(other)).toBe(31 - Number(/skipped (\d+)/.exec(result.out)![1]));
  });
});
