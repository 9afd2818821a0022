import type { Database } from 'better-sqlite3';
import { startWorker, workerUrl } from '../jobs/worker-url.ts';
import type { CheckpointResult, CheckpointWorkerData, FromCheckpointWorker } from './checkpoint.worker.ts';

/** SQLite's own default: the connection checkpoints when the WAL passes this many pages. */
const AUTO_CHECKPOINT_PAGES = 1000;
/**
 * With the worker on, the app's connection checkpoints only past this many pages (40 MB). A
 * PASSIVE checkpoint beside a writer that never pauses (a bulk change, the rescore on open) cannot
 * catch up, and SQLite restarts the WAL only once it has: this bounds the WAL in such a burst.
 */
const BURST_CHECKPOINT_PAGES = 10_000;

export interface Checkpointer {
  /** Settles after a checkpoint the worker was asked for now (tests). */
  checkpointNow(): Promise<CheckpointResult | null>;
  close(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the app's write path. By default the connection that commits a
 * transaction pushing the WAL past 1,000 pages copies them all into the database file before the
 * commit returns: about one card move in a hundred paid 5 to 20 ms for it, which was most of the
 * move's p99. With this, a worker thread with its own connection checkpoints every `intervalMs`,
 * in PASSIVE mode, beside the app's reads and writes, and the app's connection only in a long
 * burst of writes (see BURST_CHECKPOINT_PAGES). If the worker dies, the app's connection
 * checkpoints at SQLite's default again.
 */
export function startCheckpointer(db: Database, dbPath: string, intervalMs = 1000): Checkpointer {
  const script = workerUrl('checkpoint-worker.cjs', new URL('./checkpoint.worker.ts', import.meta.url));
  const worker = startWorker(script, { workerData: { dbPath, intervalMs } satisfies CheckpointWorkerData });
  db.pragma(`wal_autocheckpoint = ${BURST_CHECKPOINT_PAGES}`);
  const selfCheckpoint = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  };
  const waiting: ((result: CheckpointResult | null) => void)[] = [];
  let closed: Promise<void> | null = null;
  let exited = false;
  worker.on('message', (message: FromCheckpointWorker) => {
    if (message.type === 'closed') return void worker.terminate();
    for (const resolve of waiting.splice(0)) resolve({ walPages: message.walPages, copiedPages: message.copiedPages });
  });
  worker.on('error', (error) => {
    console.error('Voronka: the WAL checkpointer failed; the app checkpoints itself again:', error);
    selfCheckpoint();
  });
  worker.on('exit', () => {
    exited = true;
    selfCheckpoint();
    for (const resolve of waiting.splice(0)) resolve(null);
  });
  // A timer thread must not keep the process (CLI, tests) alive.
  worker.unref();

  return {
    checkpointNow() {
      if (exited) return Promise.resolve(null);
      worker.ref();
      return new Promise<CheckpointResult | null>((resolve) => {
        waiting.push(resolve);
        worker.postMessage('now');
      }).finally(() => worker.unref());
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        if (exited) return resolve();
        worker.once('exit', () => resolve());
        // Held until it has answered: a process with nothing else to do must still wait for it.
        worker.ref();
        worker.postMessage('close');
      });
      return closed;
    },
  };
}
