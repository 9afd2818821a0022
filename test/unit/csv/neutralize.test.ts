import { describe, expect, it } from 'vitest';
import { neutralizeCell, restoreCell } from '../../../main/csv/neutralize.ts';
import { seeded } from './csv-test-support.ts';

// value → what is written to the file
const TABLE: [string, string][] = [
  ['=SUM(A1)', "'=SUM(A1)"],
  ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
  ['+7 915 123-45-67', '+7 915 123-45-67'],
  ['+1 (555) 010-0199', '+1 (555) 010-0199'],
  ['+44.20.7946.0958', '+44.20.7946.0958'],
  ['-5', '-5'],
  ['-12.50', '-12.50'],
  ['+1+1', "'+1+1"],
  ['+cmd|\' /C calc\'!A0', "'+cmd|' /C calc'!A0"],
  ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
  ['-', "'-"],
  ['+', "'+"],
  ['@cmd', "'@cmd"],
  ['@SUM(1)', "'@SUM(1)"],
  ['\t=1', "'\t=1"],
  ['\r=1', "'\r=1"],
  ["'=already", "''=already"],
  ["''=twice", "'''=twice"],
  ["'+7 915 123-45-67", "'+7 915 123-45-67"],
  ["'-5", "'-5"],
  ["'plain", "'plain"],
  ["'", "'"],
  ["''", "''"],
  ['plain', 'plain'],
  ['Анна', 'Анна'],
  ['a=b', 'a=b'],
  [' =1', ' =1'],
  ['', ''],
];

describe('neutralizeCell / restoreCell', () => {
  it.each(TABLE)('%j is written as %j and read back exactly', (value, written) => {
    expect(neutralizeCell(value)).toBe(written);
    expect(restoreCell(written)).toBe(value);
  });

  it('never writes a text that a spreadsheet would run (unless it is a sign, digits and phone punctuation)', () => {
    for (const [value] of TABLE) {
      const written = neutralizeCell(value);
      if (/^[=+\-@\t\r]/.test(written)) expect(written).toMatch(/^[+-][\d ().-]*$/);
    }
  });

  it('leaves a plain apostrophe alone on the way in (Excel-made files keep their text)', () => {
    expect(restoreCell("'hello")).toBe("'hello");
    expect(restoreCell("'+7 915 123-45-67")).toBe("'+7 915 123-45-67");
  });

  it('round-trips random strings built from the tricky characters', () => {
    const random = seeded(7);
    const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', '\n', ' ', '(', ')', '.', '1', '7', 'a', 'Я', '"', ','];
    const wrong: string[] = [];
    for (let n = 0; n < 50_000; n++) {
      let value = '';
      const length = Math.floor(random() * 7);
      for (let i = 0; i < length; i++) value += alphabet[Math.floor(random() * alphabet.length)];
      const written = neutralizeCell(value);
      // The guard is one apostrophe, added or not, and it comes off exactly.
      if (restoreCell(written) !== value || (written !== value && written !== `'${value}`)) wrong.push(value);
    }
    expect(wrong).toEqual([]);
  });
});
