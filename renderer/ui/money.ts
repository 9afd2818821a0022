/** Money is kept in minor units (cents, kopecks); these helpers turn it into words and back. */
const LOCALE = 'en-US';
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

/** "₽1.2M", "$30K": for column totals. */
export function formatMoneyCompact(amountMinor: number, currency: string): string {
  return formatCurrency(amountMinor, currency, 'compact', { notation: 'compact', maximumFractionDigits: 1 });
}

/** "$12,500" or "$12,500.50": for a card's deal value. */
export function formatMoney(amountMinor: number, currency: string): string {
  const cents = amountMinor % 100 !== 0;
  const digits = cents ? 2 : 0;
  return formatCurrency(amountMinor, currency, cents ? 'cents' : 'whole', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "₽1.2M · $30K": a column's totals, one per currency, by currency code. Empty when there is no value. */
export function formatTotals(totals: readonly { currency: string; amountMinor: number }[]): string {
  return [...totals]
    .filter((t) => t.amountMinor > 0)
    .sort((a, b) => a.currency.localeCompare(b.currency))
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
