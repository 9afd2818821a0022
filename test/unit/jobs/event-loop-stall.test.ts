import { describe, expect, it } from 'vitest';
import { measureEventLoopStall } from '../../../main/jobs/event-loop-stall.ts';

describe('measureEventLoopStall', () => {
  it('sees a loop blocked by synchronous work', async () => {
    const watch = measureEventLoopStall(5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const until = performance.now() + 150;
    while (performance.now() < until) {
      // block the loop, as an export on the main thread would
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    const stall = watch.stop();
    expect(stall.maxMs).toBeGreaterThanOrEqual(100);
    expect(stall.samples).toBeGreaterThan(0);
    expect(stall.meanMs).toBeLessThanOrEqual(stall.maxMs);
  });
});
