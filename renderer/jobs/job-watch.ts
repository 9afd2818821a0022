import type { JobKind, JobStatus } from '../../shared/domain/csv-transfer.ts';
import type { AppEventListener } from '../../shared/ipc/events.ts';
import type { Result } from '../../shared/ipc/result.ts';
import type { ProgressLike } from './progress-format.ts';

/** What a watch needs from the outside world; injected so that the logic runs in tests without a page. */
export interface JobWatchDeps {
  subscribe(listener: AppEventListener): () => void;
  status(jobId: string): Promise<Result<JobStatus>>;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface JobWatchOptions {
  /** The kind of job, for a status made up when main cannot be asked any more. */
  kind?: JobKind;
  onProgress?: (progress: ProgressLike) => void;
  /** With no event for this long, ask `jobs.status` instead (events can be lost: a dropped stream, a late subscription). */
  quietMs?: number;
  /** While the events stay silent, ask again this often. */
  pollMs?: number;
  /** Status calls that may fail in a row before the job is given up as failed. */
  maxStatusFailures?: number;
}

export interface JobWatch {
  /** Settles once with the job's final status (done, cancelled or failed); never rejects. */
  done: Promise<JobStatus>;
  /** Stops listening (the page no longer cares); `done` then never settles. */
  stop(): void;
}

export const QUIET_MS = 1500;
export const POLL_MS = 1000;

function isFinal(status: JobStatus): boolean {
  return status.state !== 'running';
}

/**
 * Follows one job to its end: progress from the pushed 'job.progress' events, the end from
 * 'job.finished' (then `jobs.status` for the result). When the events stop coming, it polls
 * `jobs.status` until they resume or the job ends, so a lost event never leaves a bar hanging.
 */
export function watchJob(jobId: string, deps: JobWatchDeps, options: JobWatchOptions = {}): JobWatch {
  const quietMs = options.quietMs ?? QUIET_MS;
  const pollMs = options.pollMs ?? POLL_MS;
  const maxFailures = options.maxStatusFailures ?? 5;
  let settled = false;
  let stopped = false;
  let timer: unknown = null;
  let failures = 0;
  let polling = false;
  let resolve!: (status: JobStatus) => void;
  const done = new Promise<JobStatus>((r) => {
    resolve = r;
  });

  function clear(): void {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
  }

  function finish(status: JobStatus): void {
    if (settled || stopped) return;
    settled = true;
    clear();
    unsubscribe();
    resolve(status);
  }

  function arm(ms: number): void {
    clear();
    if (!settled && !stopped) timer = deps.setTimer(() => void poll(), ms);
  }

  async function poll(): Promise<void> {
    timer = null;
    if (settled || stopped || polling) return;
    polling = true;
    const result = await deps.status(jobId);
    polling = false;
    if (settled || stopped) return;
    if (!result.ok) {
      failures++;
      if (failures >= maxFailures) {
        finish({ jobId, kind: options.kind ?? 'export', state: 'failed', progress: null, message: result.error.message, result: null });
        return;
      }
      arm(pollMs);
      return;
    }
    failures = 0;
    if (isFinal(result.value)) {
      finish(result.value);
      return;
    }
    if (result.value.progress) options.onProgress?.(result.value.progress);
    // Only poll again while the events stay silent: an event re-arms the quiet timer.
    if (timer === null) arm(pollMs);
  }

  /** The job said it ended: read its result (a few tries: the status may lag the event by a moment). */
  async function readFinal(event: { status: JobStatus['state']; message: string | null; kind: string }): Promise<void> {
    for (let attempt = 0; attempt < 3 && !settled && !stopped; attempt++) {
      const result = await deps.status(jobId);
      if (result.ok && isFinal(result.value)) {
        finish(result.value);
        return;
      }
      await new Promise<void>((r) => deps.setTimer(() => r(), 150));
    }
    finish({ jobId, kind: options.kind ?? (event.kind as JobKind), state: event.status, progress: null, message: event.message, result: null });
  }

  const unsubscribe = deps.subscribe((event) => {
    if (settled || stopped || event.payload.jobId !== jobId) return;
    if (event.name === 'job.progress') {
      const { done: d, total, phase } = event.payload;
      options.onProgress?.({ done: d, total, phase });
      arm(quietMs);
    } else if (event.name === 'job.finished') {
      clear();
      void readFinal(event.payload);
    }
  });

  // Also ask once soon: a quick job may have ended before this page listened.
  arm(Math.min(quietMs, 400));

  return {
    done,
    stop() {
      stopped = true;
      clear();
      unsubscribe();
    },
  };
}
