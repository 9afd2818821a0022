import { describe, expect, it } from 'vitest';
import { daysInStageLabel, daysSince, formatDateTime, formatIsoDate } from '../../../renderer/ui/dates.ts';

describe('dates', () => {
  it('formats a moment like "12 Mar 2026 14:05" in local time', () => {
    expect(formatDateTime(new Date(2026, 2, 12, 14, 5).getTime())).toBe('12 Mar 2026 14:05');
    expect(formatDateTime(new Date(2026, 0, 3, 9, 7).getTime())).toBe('3 Jan 2026 09:07');
  });

  it('formats ISO dates and leaves other text alone', () => {
    expect(formatIsoDate('2026-03-31')).toBe('31 Mar 2026');
    expect(formatIsoDate('soon')).toBe('soon');
  });

  it('counts whole days in a stage', () => {
    const day = 86_400_000;
    expect(daysSince(0, day - 1)).toBe(0);
    expect(daysSince(0, 3 * day + 5)).toBe(3);
    expect(daysSince(10 * day, 0)).toBe(0);
    expect(daysInStageLabel(0, 12 * day)).toBe('12 d in stage');
  });
});
