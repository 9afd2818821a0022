/**
 * What main pushes to the renderer without being asked: progress of the long jobs that run in
 * worker threads (exports, imports, reports). Electron sends them on EVENT_CHANNEL; the harness
 * streams them as server-sent events.
 */
export interface JobProgressEvent {
  jobId: string;
  kind: string;
  done: number;
  /** null while the total is not known yet. */
  total: number | null;
  phase: string;
}

export interface JobFinishedEvent {
  jobId: string;
  kind: string;
  status: 'done' | 'cancelled' | 'failed';
  /** In words, for a failed job. */
  message: string | null;
}

export interface AppEvents {
  'job.progress': JobProgressEvent;
  'job.finished': JobFinishedEvent;
}

export type AppEvent = { [K in keyof AppEvents]: { name: K; payload: AppEvents[K] } }[keyof AppEvents];

export type AppEventListener = (event: AppEvent) => void;

export const EVENT_CHANNEL = 'voronka:event';
