import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvFormatError } from '../../../main/csv/csv-error.ts';
import { detectDelimiter, detectEncoding, detectNewline } from '../../../main/csv/detect.ts';
import { utf8 } from './csv-test-support.ts';

const CYRILLIC = 'Имя;Телефон;Комментарий\r\nАнна Петрова;+7 915 123-45-67;Позвонить в понедельник\r\nЁлкин Пётр;;«Ромашка» — ждёт счёт\r\n';

function refusal(sample: Uint8Array, complete = true): CsvFormatError {
  try {
    detectEncoding(sample, complete);
  } catch (error) {
    if (error instanceof CsvFormatError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('detectEncoding', () => {
  it('takes a UTF-8 byte order mark', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(CYRILLIC)]), true)).toEqual({ encoding: 'utf-8', bomLength: 3 });
  });

  it('takes valid UTF-8 without a mark, and plain ASCII as UTF-8', () => {
    expect(detectEncoding(utf8(CYRILLIC), true)).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(utf8('a,b\r\n1,2\r\n'), true)).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(new Uint8Array(), true)).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });

  it('does not mistake a UTF-8 character cut at the end of the sample for bad bytes', () => {
    const bytes = utf8('имя,фамилия\r\n');
    const cut = bytes.subarray(0, 3); // 'и' and the first byte of 'м'
    expect(detectEncoding(cut, false)).toEqual({ encoding: 'utf-8', bomLength: 0 });
    // ...but a file that really ends there is broken, and is not taken for UTF-8.
    expect(() => detectEncoding(cut, true)).toThrow(/UTF-8 text with damaged bytes/);
    const damaged = Uint8Array.from([...utf8('Анна,Пётр\r\n'), 0xd0, 0x41, ...utf8('Ольга\r\n')]);
    expect(refusal(damaged).message).toMatch(/damaged bytes/);
  });

  it('recognises Cyrillic Windows-1251 from old Excel', () => {
    expect(detectEncoding(iconv.encode(CYRILLIC, 'win1251'), true)).toEqual({ encoding: 'windows-1251', bomLength: 0 });
    expect(detectEncoding(iconv.encode('Фамилия,Город\r\nИванов,Москва\r\nи,в\r\n', 'win1251'), true).encoding).toBe('windows-1251');
  });

  it('recognises UTF-16 LE and BE by their byte order marks', () => {
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, ...iconv.encode('a,b', 'utf16le')]), true)).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(Uint8Array.from([0xfe, 0xff, ...iconv.encode('a,b', 'utf16be')]), true)).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('refuses Latin-1 text rather than reading it as Cyrillic', () => {
    const error = refusal(iconv.encode('Name,Stadt\r\nMüller,Köln\r\nRené,Genève\r\n', 'latin1'));
    expect(error.code).toBe('not_text');
    expect(error.message).toMatch(/neither UTF-8 nor Cyrillic Windows-1251.*CSV UTF-8/);
  });

  it('refuses workbooks, binary data, UTF-16 without a mark and UTF-32 with clear words', () => {
    expect(refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])).message).toMatch(/Excel workbook/);
    expect(refusal(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])).message).toMatch(/\.xls/);
    expect(refusal(Uint8Array.from([1, 2, 0, 4, 5, 0xff, 0, 0x10])).message).toMatch(/binary data/);
    expect(refusal(iconv.encode('name,phone\r\nAnna,123\r\n', 'utf16le')).message).toMatch(/UTF-16 without a byte order mark/);
    expect(refusal(Uint8Array.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])).message).toMatch(/UTF-32/);
  });
});

describe('detectNewline', () => {
  it('takes the first line break outside quotes', () => {
    expect(detectNewline('a,b\r\nc,d\r\n')).toBe('\r\n');
    expect(detectNewline('a,b\nc,d\n')).toBe('\n');
    expect(detectNewline('a,b\rc,d\r')).toBe('\r');
    expect(detectNewline('"multi\nline",b\r\nc,d\r\n')).toBe('\r\n');
    expect(detectNewline('"x\r\ny"\nz\n')).toBe('\n');
    expect(detectNewline('one line')).toBe('\n');
  });
});

describe('detectDelimiter', () => {
  it('finds the comma, the semicolon, the tab and the pipe', () => {
    expect(detectDelimiter('a,b,c\r\n1,2,3\r\n4,5,6\r\n', true)).toEqual({ delimiter: ',', confident: true });
    expect(detectDelimiter('a;b;c\r\n1;2;3\r\n', true)).toEqual({ delimiter: ';', confident: true });
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n', true)).toEqual({ delimiter: '\t', confident: true });
    expect(detectDelimiter('a|b|c\n1|2|3\n', true)).toEqual({ delimiter: '|', confident: true });
  });

  it('is not misled by decimal commas or commas in addresses (Excel in a Russian locale)', () => {
    const text = 'Компания;Адрес;Сумма\r\nРомашка;Москва, ул. Ленина, 1;1250,50\r\nЛютик;Тверь;99,9\r\n';
    expect(detectDelimiter(text, true)).toEqual({ delimiter: ';', confident: true });
  });

  it('ignores delimiters inside quoted fields, line breaks included', () => {
    const text = 'name,note\r\n"Анна","a;b;c;d\r\ne;f;g"\r\n"Пётр","x;y;z"\r\n';
    expect(detectDelimiter(text, true)).toEqual({ delimiter: ',', confident: true });
  });

  it('stays confident despite a ragged line among many', () => {
    const lines = ['a;b;c', ...Array.from({ length: 20 }, (_, i) => (i === 5 ? '1;2' : '1;2;3'))];
    expect(detectDelimiter(lines.join('\r\n'), true)).toEqual({ delimiter: ';', confident: true });
  });

  it('leaves out the last line of a cut sample', () => {
    expect(detectDelimiter('a;b\r\n1;2\r\n3;4,5,6,7,8', false)).toEqual({ delimiter: ';', confident: true });
  });

  it('says when it only guessed: one column, or no consistent candidate', () => {
    expect(detectDelimiter('name\r\nАнна\r\nПётр\r\n', true)).toEqual({ delimiter: ',', confident: false });
    expect(detectDelimiter('a,b;c\r\n1;2\r\n3,4,5\r\n', true).confident).toBe(false);
  });
});
