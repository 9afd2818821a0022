import { formatMoney, formatMoneyCompact } from '../ui/money.ts';
import { formatCount } from '../ui/numbers.ts';

export { formatCount as count };

/** Figures as a marketer reads them: "42.5%", "12.3 d", "$12K". Missing values are an en dash. */
export const DASH = '–';

export function percent(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  return `${(value * 100).toFixed(digits).replace(/\.0+$/, '')}%`;
}

export function days(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} d`;
}

export function money(minor: number, currency: string | null, compact = false): string {
  if (currency === null) return DASH;
  return compact ? formatMoneyCompact(minor, currency) : formatMoney(Math.round(minor), currency);
}

export type Trend = 'up' | 'down' | 'flat';

/** A delta against the previous period: "+3", "−2.5 pp"; `better` says which direction is good. */
export function delta(current: number | null, previous: number | null, kind: 'count' | 'rate' | 'days'): { text: string; trend: Trend } | null {
  if (current === null || previous === null) return null;
  // Rounded as shown: a change too small to show is no change.
  const scale = kind === 'rate' ? 1000 : kind === 'days' ? 10 : 1;
  const diff = Math.round((current - previous) * scale) / scale;
  const trend: Trend = diff === 0 ? 'flat' : diff > 0 ? 'up' : 'down';
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const size = Math.abs(diff);
  const text = kind === 'rate' ? `${sign}${(size * 100).toFixed(1).replace(/\.0$/, '')} pp` : kind === 'days' ? `${sign}${size.toFixed(1)} d` : `${sign}${formatCount(size)}`;
  return { text, trend };
}
