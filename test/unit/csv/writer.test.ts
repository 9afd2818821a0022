import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createCsvWriter, escapeCsvField } from '../../../main/csv/writer.ts';

const two = [{ header: 'a' }, { header: 'b' }];

describe('createCsvWriter', () => {
  it('starts with a UTF-8 byte order mark and the header, and ends every record with CRLF', () => {
    const writer = createCsvWriter({ columns: [{ header: 'Имя' }, { header: 'E-mail' }] });
    expect(writer.start()).toBe('\uFEFFИмя,E-mail\r\n');
    expect(writer.row(['Анна', 'anna@example.com'])).toBe('Анна,anna@example.com\r\n');
    expect(writer.rows([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
  });

  it('leaves the byte order mark out when asked', () => {
    expect(createCsvWriter({ columns: two, bom: false }).start()).toBe('a,b\r\n');
  });

  it('quotes a field that holds the delimiter, a quote, CR or LF, and doubles its quotes', () => {
    const writer = createCsvWriter({ columns: [{ header: 'x' }], bom: false });
    expect(writer.row(['a,b'])).toBe('"a,b"\r\n');
    expect(writer.row(['say "hi"'])).toBe('"say ""hi"""\r\n');
    expect(writer.row(['"'])).toBe('""""\r\n');
    expect(writer.row(['line1\nline2'])).toBe('"line1\nline2"\r\n');
    expect(writer.row(['line1\r\nline2'])).toBe('"line1\r\nline2"\r\n');
    expect(writer.row(['cr\r'])).toBe('"cr\r"\r\n');
    expect(writer.row(['a;b|c\td'])).toBe('a;b|c\td\r\n');
    expect(writer.row([' spaced '])).toBe(' spaced \r\n');
  });

  it('with the semicolon, quotes semicolons and leaves commas bare', () => {
    const writer = createCsvWriter({ columns: two, delimiter: ';', bom: false });
    expect(writer.start()).toBe('a;b\r\n');
    expect(writer.row(['1,5', 'x;y'])).toBe('1,5;"x;y"\r\n');
  });

  it('writes empty fields for null, undefined and the empty string, including the last one', () => {
    const writer = createCsvWriter({ columns: [...two, { header: 'c' }], bom: false });
    expect(writer.row([null, undefined, ''])).toBe(',,\r\n');
    expect(writer.row(['x', null, null])).toBe('x,,\r\n');
  });

  it('guards text that a spreadsheet would run, but not numbers or phone numbers', () => {
    const writer = createCsvWriter({ columns: [{ header: 'note' }, { header: 'phone' }, { header: 'value', type: 'number' }], bom: false });
    expect(writer.row(['=SUM(A1)', '+7 915 123-45-67', -5])).toBe("'=SUM(A1),+7 915 123-45-67,-5\r\n");
    expect(writer.row(['@cmd', '+1 (555) 010-0199', -1250.75])).toBe("'@cmd,+1 (555) 010-0199,-1250.75\r\n");
    expect(writer.row(['=1,2', '-', 0])).toBe(`"'=1,2",'-,0\r\n`);
  });

  it('guards the header too, and can be told not to guard at all', () => {
    expect(createCsvWriter({ columns: [{ header: '=x' }], bom: false }).start()).toBe("'=x\r\n");
    expect(createCsvWriter({ columns: [{ header: '=x' }], bom: false, neutralize: false }).row(['=1'])).toBe('=1\r\n');
  });

  it('writes dates as ISO 8601: datetime from epoch ms or Date, date as YYYY-MM-DD, strings as they are', () => {
    const at = Date.UTC(2026, 2, 2, 9, 30, 15, 250);
    const writer = createCsvWriter({ columns: [{ header: 'at', type: 'datetime' }, { header: 'on', type: 'date' }], bom: false });
    expect(writer.row([at, at])).toBe('2026-03-02T09:30:15.250Z,2026-03-02\r\n');
    expect(writer.row([new Date(at), '2026-06-30'])).toBe('2026-03-02T09:30:15.250Z,2026-06-30\r\n');
    expect(writer.row([Number.NaN, null])).toBe(',\r\n');
    expect(createCsvWriter({ columns: [{ header: 'x' }], bom: false }).row([new Date(at)])).toBe('2026-03-02T09:30:15.250Z\r\n');
  });

  it('writes numbers, bigints and booleans as they are, with a decimal comma when asked', () => {
    const writer = createCsvWriter({ columns: [{ header: 'n' }, { header: 'b' }, { header: 'f' }], bom: false });
    expect(writer.row([12.5, 9007199254740993n, true])).toBe('12.5,9007199254740993,true\r\n');
    const comma = createCsvWriter({ columns: [{ header: 'n' }, { header: 'm' }], delimiter: ';', decimalComma: true, bom: false });
    expect(comma.row([12.5, -3])).toBe('12,5;-3\r\n');
  });

  it('refuses settings and rows that would make a broken file', () => {
    expect(() => createCsvWriter({ columns: [] })).toThrow(/at least one column/);
    expect(() => createCsvWriter({ columns: two, decimalComma: true })).toThrow(/decimal comma/);
    expect(() => createCsvWriter({ columns: two }).row(['only one'])).toThrow(/needs 2 values, got 1/);
  });

  it('produces what a strict RFC 4180 parser (csv-parse) reads back', () => {
    const tricky = ['a,b', 'say "hi"', 'x\r\ny', 'x\ny', '', 'Ёжик; "в" тумане', '""', ',', '\r', '\n'];
    for (const delimiter of [',', ';', '\t', '|'] as const) {
      const writer = createCsvWriter({ columns: tricky.map((header) => ({ header })), delimiter, bom: false, neutralize: false });
      const text = writer.start() + writer.row(tricky) + writer.row([...tricky].reverse());
      const parsed = parse(text, { delimiter, record_delimiter: '\r\n', relax_column_count: false }) as string[][];
      expect(parsed).toEqual([tricky, tricky, [...tricky].reverse()]);
    }
  });
});

describe('escapeCsvField', () => {
  it('returns the very same string when nothing needs quoting', () => {
    const value = 'Пётр Иванович';
    expect(escapeCsvField(value, 44)).toBe(value);
  });
});
