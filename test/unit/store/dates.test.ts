import { describe, expect, it } from 'vitest';
import { dayOffset, localDay, monthOffset } from '../../../main/store/filter/dates.ts';

/** Noon, local time: the calendar day is the same in every time zone the tests may run in. */
const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).getTime();

describe('date arithmetic for filters', () => {
  it('reads the local calendar day', () => {
    expect(localDay(at(2026, 3, 2))).toBe('2026-03-02');
  });

  it('adds days across months and years', () => {
    expect(dayOffset(at(2026, 3, 2), 30)).toBe('2026-04-01');
    expect(dayOffset(at(2026, 3, 2), -2)).toBe('2026-02-28');
    expect(dayOffset(at(2025, 12, 31), 1)).toBe('2026-01-01');
  });

  it('subtracts calendar months, the 31st becoming the last day of a shorter month', () => {
    expect(monthOffset(at(2026, 3, 2), -12)).toBe('2025-03-02');
    expect(monthOffset(at(2026, 3, 31), -1)).toBe('2026-02-28');
    expect(monthOffset(at(2024, 3, 31), -1)).toBe('2024-02-29');
    expect(monthOffset(at(2026, 1, 15), 0.9)).toBe('2026-01-15');
  });

  it('clamps absurd offsets to dates that still compare as text', () => {
    expect(dayOffset(at(2026, 3, 2), 1e15)).toBe('9999-12-31');
    expect(monthOffset(at(2026, 3, 2), -1e15)).toBe('0000-01-01');
    expect(monthOffset(at(2026, 3, 2), -24_000)).toBe('0026-03-02');
  });
});
