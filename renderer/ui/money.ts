import { divideRounded, groupDigits } from './numbers.ts';

/** Money is kept in minor units (cents, kopecks); these helpers turn it into words and back. */
const LOCALE = 'en-US';

/**
 * Narrow symbols Intl writes before the amount in en-US, for the currencies offered in forms:
 * amounts in these are written by hand (see numbers.ts), any other code goes through Intl.
 */
const PREFIX_SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', RUB: '₽', GBP: '£', KZT: '₸', CNY: '¥', TRY: '₺' };
/**
 * Written by hand below this many minor units: up to 15 digits, amount / 100 is exact as a double,
 * so the digits are the ones Intl shows (beyond, Intl shows the double's rounding).
 */
const EXACT_MINOR = 10 ** 15;
/** Compact units: thousands, millions, billions, trillions. */
const COMPACT_UNITS = ['', 'K', 'M', 'B', 'T'];
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/**
 * Minor units as currency with narrow symbols ("$", "₽"), plus `options`; `variant` names those
 * options in the formatter cache.
 */
function formatCurrency(amountMinor: number, currency: string, variant: string, options: Intl.NumberFormatOptions): string {
  const major = amountMinor / 100;
  try {
    return formatter(`${variant}:${currency}`, () => new Intl.NumberFormat(LOCALE, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', ...options })).format(major);
  } catch {
    // An unknown currency code: show the code rather than fail.
    return `${currency} ${major.toLocaleString(LOCALE)}`;
  }
}

/**
 * A non-negative amount in the largest unit that keeps it under 1,000, to one decimal at most, as
 * Intl's compact notation does: 99_995_000 minor units (999,950) round to 1,000.0K, so "1M".
 */
function compactAmount(amountMinor: number): string {
  for (let unit = 0; ; unit++) {
    // Minor units are hundredths: a tenth of the unit is 10^(3·unit + 1) of them.
    const tenths = divideRounded(amountMinor, 10 ** (3 * unit + 1));
    // Under EXACT_MINOR the amount is under 10T: the loop ends at T at the latest.
    if (tenths < 10_000 || unit === COMPACT_UNITS.length - 1) {
      const decimal = tenths % 10;
      return `${(tenths - decimal) / 10}${decimal ? `.${decimal}` : ''}${COMPACT_UNITS[unit]}`;
    }
  }
}

/** "₽1.2M", "$30K": for column totals. */
export function formatMoneyCompact(amountMinor: number, currency: string): string {
  const symbol = PREFIX_SYMBOLS[currency];
  if (symbol !== undefined && Number.isInteger(amountMinor) && amountMinor >= 0 && amountMinor < EXACT_MINOR) return symbol + compactAmount(amountMinor);
  return formatCurrency(amountMinor, currency, 'compact', { notation: 'compact', maximumFractionDigits: 1 });
}

/** "$12,500" or "$12,500.50": for a card's deal value. */
export function formatMoney(amountMinor: number, currency: string): string {
  const symbol = PREFIX_SYMBOLS[currency];
  if (symbol !== undefined && Number.isInteger(amountMinor) && Math.abs(amountMinor) < EXACT_MINOR) {
    const minor = Math.abs(amountMinor);
    const rest = minor % 100;
    const text = `${symbol}${groupDigits(String((minor - rest) / 100))}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
    return amountMinor < 0 ? `-${text}` : text;
  }
  const cents = amountMinor % 100 !== 0;
  const digits = cents ? 2 : 0;
  return formatCurrency(amountMinor, currency, cents ? 'cents' : 'whole', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "₽1.2M · $30K": a column's totals, one per currency, by currency code. Empty when there is no value. */
export function formatTotals(totals: readonly { currency: string; amountMinor: number }[]): string {
  return [...totals]
    .filter((t) => t.amountMinor > 0)
    // Codes are upper-case letters, whose code point order is the alphabetical one; localeCompare
    // would create the renderer's first collator (several ms) on the board's first render.
    .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
    .map((t) => formatMoneyCompact(t.amountMinor, t.currency))
    .join(' · ');
}

/**
 * Reads a deal value typed in major units ("12500", "12,500.50", "12 500,5") as minor units,
 * round(value * 100). Null for blank or unreadable text.
 */
export function parseMajorToMinor(text: string): number | null {
  let s = text.replace(/[\s\u00a0_']/g, '');
  if (s === '') return null;
  if (s.includes(',') && s.includes('.')) s = s.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  else s = s.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const value = Number(s);
  if (!Number.isFinite(value)) return null;
  return Math.round(value * 100);
}

/** Minor units back to the text a seller edits: 1250050 → "12500.50", 1250000 → "12500". */
export function minorToMajorText(amountMinor: number | null): string {
  if (amountMinor === null) return '';
  const whole = Math.trunc(amountMinor / 100);
  const cents = Math.abs(amountMinor % 100);
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
}

/** Currencies offered in forms; a lead may hold any three-letter code. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'RUB', 'GBP', 'KZT', 'CNY', 'AED', 'TRY'] as const;

/** Currency choices for a select, keeping a lead's own code even when it is not a common one. */
export function currencyOptions(current?: string): { value: string; label: string }[] {
  const codes: string[] = [...COMMON_CURRENCIES];
  if (current && !codes.includes(current)) codes.push(current);
  return codes.map((code) => ({ value: code, label: code }));
}
