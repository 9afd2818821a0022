import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/lead.ts';
import { importFile, makeTempDir, previewFile, scanFile, transferTest, writeFile, type TempDir, type TransferTest } from './support.ts';

/** The classic CSV edge cases, through the whole import: file → scan → mapping → stored leads. */

let tmp: TempDir;
let t: TransferTest;
beforeAll(() => {
  tmp = makeTempDir('voronka-csv-edges-');
});
afterAll(() => tmp.remove());
beforeEach(() => {
  t = transferTest(tmp, `edges-${Math.random().toString(36).slice(2)}.db`);
});
afterEach(async () => {
  await t.close();
});

function stored(): Lead[] {
  const ids = (t.db.prepare('SELECT id FROM leads ORDER BY id').all() as { id: number }[]).map((row) => row.id);
  return ids.map((id) => t.leads.get(id).lead);
}

const pick = (lead: Lead) => ({ firstName: lead.firstName, lastName: lead.lastName, email: lead.email, companyName: lead.companyName, roleTitle: lead.roleTitle, phone: lead.phone });

const HEADER = 'First name,Last name,E-mail,Company,Role,Phone';
const EXPECTED = [
  { firstName: 'Анна', lastName: 'Петрова', email: 'anna@example.ru', companyName: 'Ромашка, ООО', roleTitle: 'CEO', phone: null },
  { firstName: 'John', lastName: 'O"Brien', email: 'john@example.com', companyName: 'Acme "Rockets" Inc', roleTitle: null, phone: '+1 555 0100' },
  { firstName: 'Zoë', lastName: '李', email: null, companyName: 'Multi\r\nline, with "quotes"', roleTitle: 'Head of 🚀', phone: null },
];
const BODY = [
  'Анна,Петрова,anna@example.ru,"Ромашка, ООО",CEO,',
  'John,"O""Brien",john@example.com,"Acme ""Rockets"" Inc",,+1 555 0100',
  'Zoë,李,,"Multi\r\nline, with ""quotes""",Head of 🚀,',
];

describe('one file, every classic case', () => {
  it('UTF-8 with BOM, CRLF: commas, doubled quotes and line breaks inside quotes, empty fields, multi-byte letters', async () => {
    const file = writeFile(tmp, 'classic.csv', `\uFEFF${HEADER}\r\n${BODY.join('\r\n')}\r\n`);
    const scan = await scanFile(t, file);
    expect(scan).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',', records: 3, problemCount: 0 });
    expect(scan.sample.map((s) => s.line)).toEqual([2, 3, 4]);
    const record = await importFile(t, file);
    expect(record.counts).toMatchObject({ read: 3, created: 3, rejected: 0 });
    expect(stored().map(pick)).toEqual(EXPECTED);
  });

  it('UTF-8 without BOM, LF line ends (the line break inside quotes stays as written)', async () => {
    const lf = `${HEADER}\n${BODY.join('\n').replace('Multi\r\nline', 'Multi\nline')}\n`;
    const record = await importFile(t, writeFile(tmp, 'lf.csv', lf));
    expect(record.counts).toMatchObject({ created: 3, rejected: 0 });
    expect(stored().map(pick)[2]!.companyName).toBe('Multi\nline, with "quotes"');
  });

  it('Windows-1251 (old Excel in Russian), semicolons', async () => {
    const text = 'Имя;Фамилия;Эл. почта;Компания;Должность\r\nАнна;Петрова;anna@example.ru;"Ромашка; ООО";Директор по продажам\r\nЁжик;Туманов;;Лес;\r\n';
    const file = writeFile(tmp, 'cp1251.csv', iconv.encode(text, 'win1251'));
    const scan = await scanFile(t, file);
    expect(scan).toMatchObject({ encoding: 'windows-1251', delimiter: ';', records: 2 });
    expect(scan.suggested).toEqual(['firstName', 'lastName', 'email', 'companyName', 'roleTitle']);
    await importFile(t, file);
    expect(stored().map((l) => [l.firstName, l.lastName, l.companyName, l.roleTitle])).toEqual([
      ['Анна', 'Петрова', 'Ромашка; ООО', 'Директор по продажам'],
      ['Ёжик', 'Туманов', 'Лес', null],
    ]);
  });

  it.each([
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\r\n${BODY.join('\r\n')}\r\n`, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${HEADER}\r\n${BODY.join('\r\n')}\r\n`, 'utf16le').swap16()])],
  ])('%s with BOM', async (encoding, bytes) => {
    const file = writeFile(tmp, `${encoding}.csv`, bytes);
    expect((await scanFile(t, file)).encoding).toBe(encoding);
    await importFile(t, file);
    expect(stored().map(pick)).toEqual(EXPECTED);
  });

  it('TSV, as Google Sheets downloads it', async () => {
    const tsv = 'First Name\tLast Name\tEmail\r\nAnna\tPetrova\tanna@example.ru\r\n';
    const scan = await scanFile(t, writeFile(tmp, 'sheet.tsv', tsv));
    expect(scan.delimiter).toBe('\t');
    await importFile(t, tmp.file('sheet.tsv'));
    expect(stored().map((l) => l.email)).toEqual(['anna@example.ru']);
  });
});

describe('lines that cannot be trusted are reported with their numbers, never guessed', () => {
  it('ragged rows: listed by the scan, rejected by the import, the rest imported', async () => {
    const text = `${HEADER}\r\nAnna,Petrova,anna@example.ru,Acme,CEO,\r\nToo,few,fields\r\nIvan,Ivanov,ivan@example.ru,Acme,CTO,,extra\r\nOlga,Ivanova,olga@example.ru,Acme,CFO,\r\n`;
    const file = writeFile(tmp, 'ragged.csv', text);
    const scan = await scanFile(t, file);
    expect(scan.problems).toEqual([
      { line: 3, message: 'Line 3: 3 fields where the first line has 6.' },
      { line: 4, message: 'Line 4: 7 fields where the first line has 6.' },
    ]);
    const preview = await previewFile(t, file);
    expect(preview.counts).toMatchObject({ read: 4, created: 2, rejected: 2 });
    expect(preview.rows.map((r) => [r.line, r.action])).toEqual([[2, 'create'], [3, 'reject'], [4, 'reject'], [5, 'create']]);
    const record = await importFile(t, file);
    expect(record.counts).toMatchObject({ read: 4, created: 2, rejected: 2 });
    expect(stored().map((l) => l.email)).toEqual(['anna@example.ru', 'olga@example.ru']);
    expect(t.transfer.rejectedRows(record.id, 10)).toEqual([
      { line: 3, error: 'Line 3: 3 fields where the first line has 6.' },
      { line: 4, error: 'Line 4: 7 fields where the first line has 6.' },
    ]);
  });

  it('a row of empty cells is reported, not made into an anonymous lead', async () => {
    const record = await importFile(t, writeFile(tmp, 'blank.csv', `${HEADER}\r\n,,,,,\r\nAnna,,,,,\r\n`));
    expect(record.counts).toMatchObject({ read: 2, created: 1, rejected: 1 });
    expect(t.transfer.rejectedRows(record.id, 10)).toEqual([{ line: 2, error: 'Line 2: the row is empty.' }]);
  });

  it('a workbook, an empty file and a header without rows say why nothing was imported', async () => {
    const xlsx = writeFile(tmp, 'book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
    await expect(scanFile(t, xlsx)).rejects.toThrow(/Excel workbook.*CSV UTF-8/);
    await expect(scanFile(t, writeFile(tmp, 'empty.csv', ''))).rejects.toThrow(/empty\.csv is empty: there is nothing to import/);
    const headerOnly = await scanFile(t, writeFile(tmp, 'header.csv', `${HEADER}\r\n`));
    expect(headerOnly.records).toBe(0);
    expect(stored()).toEqual([]);
  });
});
