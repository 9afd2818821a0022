import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface EventLoopStall {
  /** The longest time the loop was late, in milliseconds. */
  maxMs: number;
  meanMs: number;
  p99Ms: number;
  /** How many delay samples were taken. */
  samples: number;
}

/**
 * Watches how late the host's event loop runs, from now until `stop()`: the proof that heavy
 * work went to a worker is a small `maxMs` while it runs (the UI's IPC is served by this loop).
 * `resolutionMs` is the sampling timer; delays shorter than it are not seen.
 */
export function measureEventLoopStall(resolutionMs = 10): { stop(): EventLoopStall } {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);
      return { maxMs: ms(histogram.max), meanMs: ms(histogram.mean), p99Ms: ms(histogram.percentile(99)), samples: histogram.count };
    },
  };
}
