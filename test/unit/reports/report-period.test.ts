import { describe, expect, it } from 'vitest';
import {
  describePeriod, isValidTimeZone, localDate, localMidnightMs, periodBounds, periodBuckets, presetPeriod, previousPeriod, weekStart,
} from '../../../shared/domain/report-period.ts';

describe('report periods', () => {
  it('are calendar days in the seller\'s zone, as half-open UTC bounds', () => {
    const march = periodBounds({ from: '2026-03-01', to: '2026-03-31', timeZone: 'Europe/Moscow' });
    expect(new Date(march.startMs).toISOString()).toBe('2026-02-28T21:00:00.000Z');
    expect(new Date(march.endMs).toISOString()).toBe('2026-03-31T21:00:00.000Z');
    // 23:30 on the last day is inside; 00:30 the next day is not.
    const lastEvening = Date.UTC(2026, 2, 31, 20, 30);
    expect(lastEvening >= march.startMs && lastEvening < march.endMs).toBe(true);
    expect(Date.UTC(2026, 2, 31, 21, 30) < march.endMs).toBe(false);
    expect(periodBounds({ from: '2026-03-01', to: '2026-03-31', timeZone: '-05:30' }).startMs).toBe(Date.UTC(2026, 2, 1, 5, 30));
  });

  it('follow daylight saving: New York\'s March has 31 days but 743 hours', () => {
    const march = periodBounds({ from: '2026-03-01', to: '2026-03-31', timeZone: 'America/New_York' });
    expect(new Date(march.startMs).toISOString()).toBe('2026-03-01T05:00:00.000Z');
    expect(new Date(march.endMs).toISOString()).toBe('2026-04-01T04:00:00.000Z');
    expect((march.endMs - march.startMs) / 3_600_000).toBe(743);
    expect(localDate(Date.UTC(2026, 2, 8, 7, 30), 'America/New_York')).toBe('2026-03-08');
    expect(localMidnightMs('2026-11-01', 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 4));
  });

  it('refuse unknown zones and reversed ranges', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('+15:00')).toBe(false);
    expect(isValidTimeZone('Asia/Yekaterinburg')).toBe(true);
    expect(() => periodBounds({ from: '2026-03-02', to: '2026-03-01', timeZone: 'UTC' })).toThrow(/ends before/);
    expect(() => periodBounds({ from: '2026-02-30', to: '2026-03-01', timeZone: 'UTC' })).toThrow(/Not a date/);
  });

  it('compare with the period before: whole months by months, other ranges by days', () => {
    const z = 'UTC';
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31', timeZone: z })).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-04-01', to: '2026-06-30', timeZone: z })).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-16', timeZone: z })).toMatchObject({ from: '2026-03-03', to: '2026-03-09' });
  });

  it('presets from today', () => {
    const z = 'Europe/Moscow';
    expect(presetPeriod('this_month', '2026-05-17', z)).toEqual({ from: '2026-05-01', to: '2026-05-31', timeZone: z });
    expect(presetPeriod('last_month', '2026-01-17', z)).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('this_quarter', '2026-05-17', z)).toMatchObject({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetPeriod('last_quarter', '2026-02-17', z)).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('this_year', '2026-05-17', z)).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('buckets: days, weeks from Monday, months', () => {
    expect(periodBuckets({ from: '2026-03-01', to: '2026-03-03', timeZone: 'UTC' }).map((b) => b.from)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(periodBuckets({ from: '2026-01-01', to: '2026-12-31', timeZone: 'UTC' })).toHaveLength(12);
    expect(periodBuckets({ from: '2026-01-15', to: '2026-03-10', timeZone: 'UTC' }).at(-1)).toMatchObject({ from: '2026-03-09', to: '2026-03-10' });
    expect(weekStart(Date.UTC(2026, 3, 10, 7), 'Europe/Moscow')).toBe('2026-04-06');
    expect(describePeriod({ from: '2026-03-01', to: '2026-03-31' })).toBe('1–31 Mar 2026');
  });
});
