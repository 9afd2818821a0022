import { describe, expect, it } from 'vitest';
import { currencyOf, domainOf, parseDate, parseList, parseMoney, parseTimestamp, parseWholeNumber, splitName, splitNameLastFirst, websiteOf } from '../../../main/import/parse-values.ts';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) => (parsed.ok ? parsed.value : `error: ${parsed.message}`);

describe('cell values', () => {
  it('whole numbers with group separators, nothing guessed', () => {
    expect(['1200', '1 200', '1\u00a0200', '1,200', '1,200,000'].map((t) => value(parseWholeNumber(t)))).toEqual([1200, 1200, 1200, 1200, 1_200_000]);
    expect(['12.5', '1,20', '-3', 'ten', '99999999999999999999'].map((t) => value(parseWholeNumber(t)))).toEqual([
      'error: is not a whole number', 'error: is not a whole number', 'error: is not a whole number', 'error: is not a whole number', 'error: is too large',
    ]);
  });

  it('money to minor units exactly, in the usual notations', () => {
    const cases: [string, number | string][] = [
      ['12500', 1_250_000], ['12500.5', 1_250_050], ['12 500,50', 1_250_050], ['12,500.50', 1_250_050], ['12.500,50', 1_250_050],
      ['$12,500', 1_250_000], ['12 500 ₽', 1_250_000], ['0.07', 7], ['1,5', 150], ['19.99', 1999],
    ];
    for (const [text, minor] of cases) expect(value(parseMoney(text)), text).toBe(minor);
    expect(value(parseMoney('12.345'))).toMatch(/^error: is not an amount/);
    expect(value(parseMoney('-5'))).toMatch(/^error: is negative/);
    expect(value(parseMoney('about 5k'))).toMatch(/^error/);
  });

  it('dates: ISO and Russian day.month.year; no ambiguous slashes, no impossible days', () => {
    expect(['2026-03-31', '31.03.2026', '1.3.2026', '2026-03-31T12:00:00Z'].map((t) => value(parseDate(t)))).toEqual(['2026-03-31', '2026-03-31', '2026-03-01', '2026-03-31']);
    expect(['03/31/2026', '2026-02-30', '31.13.2026'].map((t) => value(parseDate(t)))).toEqual([
      'error: is not a date like 2026-03-31 or 31.03.2026', 'error: is not a date like 2026-03-31 or 31.03.2026', 'error: is not a date like 2026-03-31 or 31.03.2026',
    ]);
  });

  it('moments: our ISO 8601, with an offset, or as UTC when no zone is given', () => {
    expect(value(parseTimestamp('2026-03-02T09:00:00.000Z'))).toBe(Date.UTC(2026, 2, 2, 9));
    expect(value(parseTimestamp('2026-03-02T12:00:00+03:00'))).toBe(Date.UTC(2026, 2, 2, 9));
    expect(value(parseTimestamp('2026-03-02 09:00'))).toBe(Date.UTC(2026, 2, 2, 9));
    expect(value(parseTimestamp('2026-03-02'))).toBe(Date.UTC(2026, 2, 2));
    expect(value(parseTimestamp('02.03.2026 9:00'))).toBe(Date.UTC(2026, 2, 2, 9));
    expect(value(parseTimestamp('yesterday'))).toMatch(/^error/);
    expect(value(parseTimestamp('2026-02-30'))).toBe('error: is a day that does not exist');
  });

  it('lists, names, domains, websites, currencies', () => {
    expect(parseList('a; b;; a ;c\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitName('Anna Maria  Petrova')).toEqual({ firstName: 'Anna', lastName: 'Maria Petrova' });
    expect(splitName('Cher')).toEqual({ firstName: 'Cher', lastName: null });
    expect(splitNameLastFirst('Петрова Анна Сергеевна')).toEqual({ firstName: 'Анна Сергеевна', lastName: 'Петрова' });
    expect(splitNameLastFirst('Петрова')).toEqual({ firstName: null, lastName: 'Петрова' });
    expect(['https://www.Acme.com/about', 'acme.com', 'http://acme.com:8080'].map(domainOf)).toEqual(['acme.com', 'acme.com', 'acme.com']);
    expect(websiteOf('acme.com')).toBe('https://acme.com');
    expect(websiteOf('http://acme.com')).toBe('http://acme.com');
    expect(['usd', '₽', 'руб.', '$', 'RUB'].map((t) => value(currencyOf(t)))).toEqual(['USD', 'RUB', 'RUB', 'USD', 'RUB']);
    expect(value(currencyOf('dollars'))).toMatch(/^error/);
  });
});
