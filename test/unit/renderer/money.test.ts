import { describe, expect, it } from 'vitest';
import { currencyOptions, formatMoney, formatMoneyCompact, formatTotals, minorToMajorText, parseMajorToMinor } from '../../../renderer/ui/money.ts';

describe('money', () => {
  it('formats column totals compactly with narrow symbols', () => {
    expect(formatMoneyCompact(120_000_000, 'RUB')).toBe('₽1.2M');
    expect(formatMoneyCompact(3_000_000, 'USD')).toBe('$30K');
    expect(formatMoneyCompact(1_550_000, 'EUR')).toBe('€15.5K');
    expect(formatMoneyCompact(0, 'USD')).toBe('$0');
  });

  it('joins totals per currency, skipping empty ones', () => {
    expect(
      formatTotals([
        { currency: 'USD', amountMinor: 3_000_000 },
        { currency: 'RUB', amountMinor: 120_000_000 },
        { currency: 'EUR', amountMinor: 0 },
      ]),
    ).toBe('₽1.2M · $30K');
    expect(formatTotals([])).toBe('');
  });

  it('formats a deal value in full, with cents only when there are some', () => {
    expect(formatMoney(1_250_000, 'USD')).toBe('$12,500');
    expect(formatMoney(1_250_050, 'USD')).toBe('$12,500.50');
    expect(formatMoney(228_600_000, 'RUB')).toBe('₽2,286,000');
  });

  it('writes what Intl writes for the currencies formatted by hand', () => {
    const intl = (minor: number, currency: string, options: Intl.NumberFormatOptions) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', ...options }).format(minor / 100);
    const edges = [0, 1, 4, 5, 49, 50, 99, 100, 99_994, 99_995, 99_996, 100_000, 124_999, 125_000, 99_994_999, 99_995_000, 123_456_789, 10 ** 15 - 1];
    const random = Array.from({ length: 400 }, (_, i) => Math.floor(Math.random() * 10 ** (1 + (i % 15))));
    for (const currency of ['USD', 'EUR', 'RUB', 'GBP', 'KZT', 'CNY', 'TRY']) {
      for (const minor of [...edges, ...random]) {
        expect(formatMoneyCompact(minor, currency)).toBe(intl(minor, currency, { notation: 'compact', maximumFractionDigits: 1 }));
        const digits = minor % 100 === 0 ? 0 : 2;
        const full = { minimumFractionDigits: digits, maximumFractionDigits: digits };
        expect(formatMoney(minor, currency)).toBe(intl(minor, currency, full));
        if (minor > 0) expect(formatMoney(-minor, currency)).toBe(intl(-minor, currency, full));
      }
    }
  });

  it('survives an unknown currency code', () => {
    expect(formatMoney(1_000, 'ZZZ')).toMatch(/10/);
    expect(formatMoneyCompact(1_000, 'not-a-code')).toBe('not-a-code 10');
  });

  it('reads typed amounts as minor units, round(value * 100)', () => {
    expect(parseMajorToMinor('12500')).toBe(1_250_000);
    expect(parseMajorToMinor('12,500.50')).toBe(1_250_050);
    expect(parseMajorToMinor('12 500,5')).toBe(1_250_050);
    expect(parseMajorToMinor('42 000')).toBe(4_200_000);
    expect(parseMajorToMinor('0.1')).toBe(10);
    expect(parseMajorToMinor('19.999')).toBe(2_000);
    expect(parseMajorToMinor('')).toBeNull();
    expect(parseMajorToMinor('  ')).toBeNull();
    expect(parseMajorToMinor('-5')).toBeNull();
    expect(parseMajorToMinor('12k')).toBeNull();
  });

  it('turns minor units back into editable text', () => {
    expect(minorToMajorText(1_250_000)).toBe('12500');
    expect(minorToMajorText(1_250_005)).toBe('12500.05');
    expect(minorToMajorText(null)).toBe('');
  });

  it('offers common currencies and keeps a rare one a lead already has', () => {
    expect(currencyOptions().map((o) => o.value)).toContain('RUB');
    expect(currencyOptions('CHF').map((o) => o.value)).toContain('CHF');
  });
});
