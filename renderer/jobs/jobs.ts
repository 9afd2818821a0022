import type { JobKind } from '../../shared/domain/csv-transfer.ts';
import { api } from '../api/index.ts';
import { onAppEvent } from './job-events.ts';
import { watchJob, type JobWatch } from './job-watch.ts';
import type { ProgressLike } from './progress-format.ts';

/** Follows a job of main to its end (events, else polling `jobs.status`). */
export function followJob(jobId: string, kind: JobKind, onProgress: (progress: ProgressLike) => void): JobWatch {
  return watchJob(
    jobId,
    {
      subscribe: onAppEvent,
      status: (id) => api['jobs.status']({ jobId: id }),
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
    },
    { kind, onProgress },
  );
}

/**
 * Progress of a job whose id the page does not know yet (a scan or preview answers only when it is
 * done): the events of that kind, while `until` runs.
 */
export async function withKindProgress<T>(kind: JobKind, onProgress: (progress: ProgressLike, jobId: string) => void, until: () => Promise<T>): Promise<T> {
  const stop = onAppEvent((event) => {
    if (event.name === 'job.progress' && event.payload.kind === kind) {
      const { done, total, phase, jobId } = event.payload;
      onProgress({ done, total, phase }, jobId);
    }
  });
  try {
    return await until();
  } finally {
    stop();
  }
}

export function cancelJob(jobId: string) {
  return api['jobs.cancel']({ jobId });
}
