/**
 * Report periods are calendar days in the seller's time zone: "March" in Moscow starts at
 * 2026-03-01 00:00 Moscow time, which is 2026-02-28 21:00 UTC. A period travels as ISO dates plus a
 * zone (an IANA name like 'Europe/Moscow', 'UTC', or a fixed offset like '+03:00'); main turns it
 * into UTC millisecond bounds [startMs, endMs) once, and every query compares epoch ms to them.
 * Pure functions over Intl: the renderer, main and the CLI share them.
 */

export interface ReportPeriod {
  /** First day, YYYY-MM-DD, inclusive. */
  from: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to: string;
  timeZone: string;
}

export interface PeriodBounds extends ReportPeriod {
  /** Local midnight at the start of `from`, as epoch ms. */
  startMs: number;
  /** Local midnight after `to` (exclusive), as epoch ms. */
  endMs: number;
}

export const PERIOD_PRESETS = ['this_month', 'last_month', 'this_quarter', 'last_quarter', 'this_year', 'last_year'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  this_month: 'This month',
  last_month: 'Last month',
  this_quarter: 'This quarter',
  last_quarter: 'Last quarter',
  this_year: 'This year',
  last_year: 'Last year',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function parseIsoDate(text: string): Ymd | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return { y, m, d };
}

/** Calendar arithmetic on dates (no time zone involved): Date.UTC normalizes overflowing days and months. */
function isoOf(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function ymd(text: string): Ymd {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new RangeError(`Not a date: "${text}". Use a date like 2026-03-31.`);
  return parsed;
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = ymd(date);
  return isoOf(Date.UTC(y, m - 1, d + days));
}

export function addMonths(date: string, months: number): string {
  const { y, m, d } = ymd(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return isoOf(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  const x = ymd(a);
  const y = ymd(b);
  return Math.round((Date.UTC(y.y, y.m - 1, y.d) - Date.UTC(x.y, x.m - 1, x.d)) / 86_400_000);
}

function lastDayOfMonth(date: string): string {
  const { y, m } = ymd(date);
  return isoOf(Date.UTC(y, m, 0));
}

/** Whether the zone is usable: an IANA name Intl knows, 'UTC', or ±HH:MM. */
export function isValidTimeZone(zone: string): boolean {
  if (OFFSET.test(zone)) return fixedOffsetMs(zone) !== null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function fixedOffsetMs(zone: string): number | null {
  const match = OFFSET.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, found);
  }
  return found;
}

/** The zone's offset from UTC at an instant, in ms (Moscow: +3 h). */
export function zoneOffsetMs(zone: string, atMs: number): number {
  const fixed = fixedOffsetMs(zone);
  if (fixed !== null) return fixed;
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(atMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - (atMs - (((atMs % 1000) + 1000) % 1000));
}

/**
 * Epoch ms of local midnight at the start of `date` in `zone`. Two passes settle the offset on
 * either side of a daylight-saving change; a midnight that does not exist (clocks jump at 00:00)
 * becomes the first instant of that day.
 */
export function localMidnightMs(date: string, zone: string): number {
  const { y, m, d } = ymd(date);
  const wall = Date.UTC(y, m - 1, d);
  let utc = wall - zoneOffsetMs(zone, wall);
  const second = zoneOffsetMs(zone, utc);
  if (wall - second !== utc) utc = Math.min(utc, wall - second);
  return utc;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `zone`. */
export function localDate(atMs: number, zone: string): string {
  return isoOf(atMs + zoneOffsetMs(zone, atMs));
}

export function periodBounds(period: ReportPeriod): PeriodBounds {
  if (!isValidTimeZone(period.timeZone)) throw new RangeError(`Unknown time zone "${period.timeZone}".`);
  if (daysBetween(period.from, period.to) < 0) throw new RangeError('The period ends before it starts.');
  return { ...period, startMs: localMidnightMs(period.from, period.timeZone), endMs: localMidnightMs(addDays(period.to, 1), period.timeZone) };
}

/**
 * The period just before: whole calendar months map to the same number of months before (March →
 * February, Q2 → Q1), any other range to the same number of days before it.
 */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const wholeMonths = ymd(period.from).d === 1 && lastDayOfMonth(period.to) === period.to;
  if (wholeMonths) {
    const a = ymd(period.from);
    const b = ymd(period.to);
    const months = (b.y - a.y) * 12 + (b.m - a.m) + 1;
    const from = addMonths(period.from, -months);
    return { from, to: addDays(period.from, -1), timeZone: period.timeZone };
  }
  const length = daysBetween(period.from, period.to) + 1;
  return { from: addDays(period.from, -length), to: addDays(period.from, -1), timeZone: period.timeZone };
}

/** A preset as dates, relative to `today` (YYYY-MM-DD in the seller's zone). */
export function presetPeriod(preset: PeriodPreset, today: string, timeZone: string): ReportPeriod {
  const { y, m } = ymd(today);
  const monthStart = isoOf(Date.UTC(y, m - 1, 1));
  const quarterStart = isoOf(Date.UTC(y, Math.floor((m - 1) / 3) * 3, 1));
  const yearStart = isoOf(Date.UTC(y, 0, 1));
  const range = (from: string, months: number) => ({ from, to: addDays(addMonths(from, months), -1), timeZone });
  switch (preset) {
    case 'this_month':
      return range(monthStart, 1);
    case 'last_month':
      return range(addMonths(monthStart, -1), 1);
    case 'this_quarter':
      return range(quarterStart, 3);
    case 'last_quarter':
      return range(addMonths(quarterStart, -3), 3);
    case 'this_year':
      return range(yearStart, 12);
    case 'last_year':
      return range(addMonths(yearStart, -12), 12);
  }
}

export interface PeriodBucket {
  label: string;
  from: string;
  to: string;
}

/**
 * Sub-periods for a trend inside the period: days up to two weeks, ISO weeks (from Monday) up to
 * about a quarter, calendar months beyond. The first and last buckets are clipped to the period.
 */
export function periodBuckets(period: ReportPeriod): PeriodBucket[] {
  const days = daysBetween(period.from, period.to) + 1;
  const unit = days <= 14 ? 'day' : days <= 98 ? 'week' : 'month';
  const buckets: PeriodBucket[] = [];
  let start = period.from;
  while (daysBetween(start, period.to) >= 0 && buckets.length < 400) {
    let next: string;
    if (unit === 'day') next = addDays(start, 1);
    else if (unit === 'week') {
      const { y, m, d } = ymd(start);
      const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
      next = addDays(start, 7 - weekday);
    } else next = addMonths(isoOf(Date.UTC(ymd(start).y, ymd(start).m - 1, 1)), 1);
    const to = daysBetween(next, period.to) >= 0 ? addDays(next, -1) : period.to;
    buckets.push({ label: bucketLabel(unit, start), from: start, to });
    start = next;
  }
  return buckets;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function bucketLabel(unit: 'day' | 'week' | 'month', start: string): string {
  const { y, m, d } = ymd(start);
  if (unit === 'month') return `${MONTHS[m - 1]} ${y}`;
  return `${unit === 'week' ? 'Wk ' : ''}${d} ${MONTHS[m - 1]}`;
}

/** Monday 00:00 of the week holding `atMs`, in `zone`, as a date. */
export function weekStart(atMs: number, zone: string): string {
  const today = localDate(atMs, zone);
  const { y, m, d } = ymd(today);
  return addDays(today, -((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7));
}

/** "1–31 Mar 2026", "15 Feb – 14 Mar 2026", "Dec 2025 – Feb 2026"-style labels for headings. */
export function describePeriod(period: { from: string; to: string }): string {
  const a = ymd(period.from);
  const b = ymd(period.to);
  const day = (x: Ymd, year: boolean) => `${x.d} ${MONTHS[x.m - 1]}${year ? ` ${x.y}` : ''}`;
  if (period.from === period.to) return day(a, true);
  if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${MONTHS[a.m - 1]} ${a.y}`;
  return `${day(a, a.y !== b.y)} – ${day(b, true)}`;
}
