/** Calendar arithmetic for date filters. "Today" is the seller's local calendar day. */
export const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A Date read as a local calendar day, clamped to years 0..9999 so huge offsets stay comparable. */
function isoOf(date: Date): string {
  if (Number.isNaN(date.getTime()) || date.getFullYear() > 9999) return '9999-12-31';
  if (date.getFullYear() < 0) return '0000-01-01';
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** new Date(y, m, d) reads years 0..99 as 19xx; setFullYear does not. */
function localDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setFullYear(year, month, day);
  date.setHours(0, 0, 0, 0);
  return date;
}

export function localDay(ms: number): string {
  return isoOf(new Date(ms));
}

/** Today + `days` (may be negative), as YYYY-MM-DD. */
export function dayOffset(ms: number, days: number): string {
  const date = new Date(ms);
  return isoOf(localDate(date.getFullYear(), date.getMonth(), date.getDate() + Math.trunc(clamp(days, 4_000_000))));
}

/** Today + `months` calendar months; the 31st of a shorter month becomes its last day. */
export function monthOffset(ms: number, months: number): string {
  const date = new Date(ms);
  const total = date.getMonth() + Math.trunc(clamp(months, 130_000));
  const lastDay = localDate(date.getFullYear(), total + 1, 0).getDate();
  return isoOf(localDate(date.getFullYear(), total, Math.min(date.getDate(), lastDay)));
}

function clamp(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}
