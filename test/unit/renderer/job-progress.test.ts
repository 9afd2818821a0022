import { describe, expect, it, vi } from 'vitest';
import type { JobStatus } from '../../../shared/domain/csv-transfer.ts';
import type { AppEvent, AppEventListener } from '../../../shared/ipc/events.ts';
import type { Result } from '../../../shared/ipc/result.ts';
import { watchJob, type JobWatchDeps } from '../../../renderer/jobs/job-watch.ts';
import { describeBytesProgress, describeProgress, describeUpload, formatBytes, phaseLabel, progressPercent } from '../../../renderer/jobs/progress-format.ts';
import { LEADS, ROWS } from '../../../renderer/ui/numbers.ts';

describe('progress in words', () => {
  it('rounds down and never says 100% before the last item', () => {
    expect(progressPercent({ done: 0, total: 10 })).toBe(0);
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ done: 999, total: 1000 })).toBe(99);
    expect(progressPercent({ done: 9999, total: 10000 })).toBe(99);
    expect(progressPercent({ done: 10, total: 10 })).toBe(100);
    expect(progressPercent({ done: 12, total: 10 })).toBe(100);
  });

  it('has no percent while the total is unknown', () => {
    expect(progressPercent({ done: 5, total: null })).toBeNull();
    expect(progressPercent({ done: 0, total: 0 })).toBeNull();
    expect(progressPercent(null)).toBeNull();
  });

  it('names the phase and counts with the unit', () => {
    expect(describeProgress({ done: 1200, total: 5000, phase: 'writing' }, LEADS)).toBe('Writing: 1,200 of 5,000 leads (24%)');
    expect(describeProgress({ done: 12000, total: null, phase: 'reading' }, ROWS)).toBe('Reading the file: 12,000 rows…');
    expect(describeProgress({ done: 0, total: null, phase: 'checking' }, ROWS)).toBe('Checking rows…');
    expect(describeProgress({ done: 1, total: 1, phase: '' }, ROWS, 'Importing')).toBe('Importing: 1 of 1 row (100%)');
    expect(describeProgress(null, ROWS, 'Importing')).toBe('Importing…');
  });

  it('shows an unknown phase as it came, capitalized', () => {
    expect(phaseLabel('rebuilding', 'Working')).toBe('Rebuilding');
    expect(phaseLabel('  ', 'Working')).toBe('Working');
  });

  it('sizes files in words', () => {
    expect(formatBytes(641)).toBe('641 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(12.4 * 1024 * 1024)).toBe('12.4 MB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
    expect(describeUpload(3.5 * 1024 * 1024, 14 * 1024 * 1024)).toBe('Uploading: 3.5 MB of 14 MB (25%)');
    // A scan counts the bytes of the file read so far.
    expect(describeBytesProgress({ done: 3.5 * 1024 * 1024, total: 14 * 1024 * 1024, phase: 'reading' }, 'Reading the file')).toBe('Reading the file: 3.5 MB of 14 MB (25%)');
    expect(describeBytesProgress(null, 'Reading the file')).toBe('Reading the file…');
  });
});

/** A fake world for watchJob: events pushed by hand, a scripted jobs.status, fake timers. */
function harness(statuses: (Result<JobStatus> | (() => Result<JobStatus>))[]) {
  const listeners = new Set<AppEventListener>();
  const calls: string[] = [];
  const deps: JobWatchDeps = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async status(jobId) {
      calls.push(jobId);
      const next = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
      return typeof next === 'function' ? next() : next;
    },
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const emit = (event: AppEvent) => {
    for (const listener of listeners) listener(event);
  };
  return { deps, emit, calls, listeners };
}

const running = (done: number): Result<JobStatus> => ({
  ok: true,
  value: { jobId: 'j1', kind: 'export', state: 'running', progress: { done, total: 100, phase: 'writing' }, message: null, result: null },
});
const finished: Result<JobStatus> = {
  ok: true,
  value: {
    jobId: 'j1',
    kind: 'export',
    state: 'done',
    progress: null,
    message: null,
    result: { fileName: 'leads.csv', rows: 100, bytes: 2000, location: null, downloadId: 'd1' },
  },
};

describe('following a job', () => {
  it('shows pushed progress and reads the result when the job says it finished', async () => {
    vi.useFakeTimers();
    try {
      const world = harness([running(0), finished]);
      const seen: number[] = [];
      const watch = watchJob('j1', world.deps, { onProgress: (p) => seen.push(p.done), quietMs: 1000, pollMs: 500 });
      world.emit({ name: 'job.progress', payload: { jobId: 'j1', kind: 'export', done: 10, total: 100, phase: 'writing' } });
      world.emit({ name: 'job.progress', payload: { jobId: 'other', kind: 'export', done: 99, total: 100, phase: 'writing' } });
      world.emit({ name: 'job.progress', payload: { jobId: 'j1', kind: 'export', done: 60, total: 100, phase: 'writing' } });
      expect(seen).toEqual([10, 60]);
      world.emit({ name: 'job.finished', payload: { jobId: 'j1', kind: 'export', status: 'done', message: null } });
      await vi.runAllTimersAsync();
      const status = await watch.done;
      expect(status.state).toBe('done');
      expect(status.result).toMatchObject({ downloadId: 'd1' });
      expect(world.listeners.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('polls jobs.status when the events stop, and stops polling once they resume', async () => {
    vi.useFakeTimers();
    try {
      let n = 0;
      const world = harness([() => running(++n * 10)]);
      const seen: number[] = [];
      const watch = watchJob('j1', world.deps, { onProgress: (p) => seen.push(p.done), quietMs: 1000, pollMs: 500 });
      // No event at all: the first look comes soon, then every pollMs.
      await vi.advanceTimersByTimeAsync(400);
      expect(world.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1000);
      expect(world.calls).toHaveLength(3);
      expect(seen).toEqual([10, 20, 30]);
      // Events are back: no poll until they have been silent for quietMs.
      world.emit({ name: 'job.progress', payload: { jobId: 'j1', kind: 'export', done: 50, total: 100, phase: 'writing' } });
      await vi.advanceTimersByTimeAsync(900);
      expect(world.calls).toHaveLength(3);
      watch.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(world.calls).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends with the status when the finished event was lost', async () => {
    vi.useFakeTimers();
    try {
      const world = harness([running(40), finished]);
      const watch = watchJob('j1', world.deps, { quietMs: 1000, pollMs: 500 });
      await vi.advanceTimersByTimeAsync(1000);
      await expect(watch.done).resolves.toMatchObject({ state: 'done' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up as failed, in words, when main cannot be asked any more', async () => {
    vi.useFakeTimers();
    try {
      const world = harness([{ ok: false, error: { code: 'not_found', message: 'That job is not known.' } }]);
      const watch = watchJob('j1', world.deps, { kind: 'import', quietMs: 1000, pollMs: 100, maxStatusFailures: 3 });
      await vi.advanceTimersByTimeAsync(2000);
      await expect(watch.done).resolves.toMatchObject({ state: 'failed', kind: 'import', message: 'That job is not known.' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a cancelled job from its event when the status cannot say', async () => {
    vi.useFakeTimers();
    try {
      const world = harness([running(5)]);
      const watch = watchJob('j1', world.deps, { quietMs: 10_000, pollMs: 10_000 });
      world.emit({ name: 'job.finished', payload: { jobId: 'j1', kind: 'export', status: 'cancelled', message: null } });
      await vi.advanceTimersByTimeAsync(2000);
      await expect(watch.done).resolves.toMatchObject({ state: 'cancelled' });
    } finally {
      vi.useRealTimers();
    }
  });
});
