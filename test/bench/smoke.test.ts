import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/run.ts';

/**
 * `npm run bench`, small: every suite runs on 2,000 leads so that the benchmark never rots. No
 * timing is asserted here (targets are for the full run on big datasets); every measurement must
 * exist and be a real number.
 */
describe('benchmark suite (smoke)', () => {
  it('runs every suite and measures every figure', { timeout: 600_000 }, async () => {
    const measurements = await runBench({ smoke: true, log: () => undefined });
    const suites = new Set(measurements.map((m) => m.suite));
    for (const suite of ['move', 'board', 'memory', 'filter', 'search', 'reports', 'export', 'import', 'responsive']) expect(suites).toContain(suite);
    for (const m of measurements) {
      expect(Number.isFinite(m.value), `${m.suite}: ${m.name}`).toBe(true);
      expect(m.value, `${m.suite}: ${m.name}`).toBeGreaterThanOrEqual(0);
      expect(m.summary.runs).toBeGreaterThan(0);
    }
    const imported = measurements.find((m) => m.suite === 'import')!;
    expect(imported.note).toBe('2,000 of 2,000 leads imported');
  });
});
