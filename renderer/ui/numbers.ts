/**
 * Numbers in en-US style written by hand for what the board's first screen shows (counts, deal
 * values, column totals): the first Intl formatter a renderer creates costs 40–60 ms (V8 builds
 * its locale tables then), all of it on the board's first load. Checked against Intl by the tests.
 */

/** "1234567" → "1,234,567": a string of digits with en-US thousands separators. */
export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A count as `toLocaleString('en-US')` writes it: "100,000". */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  return n < 0 ? `-${groupDigits(String(-n))}` : groupDigits(String(n));
}

/** What is counted, in the singular and the plural. */
export interface Unit {
  one: string;
  many: string;
}

export const ROWS: Unit = { one: 'row', many: 'rows' };
export const LEADS: Unit = { one: 'lead', many: 'leads' };

/** "1 lead", "100,000 leads". */
export function plural(n: number, unit: Unit): string {
  return `${formatCount(n)} ${n === 1 ? unit.one : unit.many}`;
}

/** n / divisor for non-negative whole numbers, rounded half up (Intl's default, halfExpand). */
export function divideRounded(n: number, divisor: number): number {
  const rest = n % divisor;
  const quotient = (n - rest) / divisor;
  return rest * 2 >= divisor ? quotient + 1 : quotient;
}
