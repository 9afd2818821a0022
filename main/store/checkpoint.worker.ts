import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * The WAL checkpointer thread (see checkpointer.ts): a connection of its own to the DB file that
 * copies committed WAL pages back into the database every `intervalMs`, in PASSIVE mode (it never
 * waits for, nor blocks, the app's reader or writer). 'close' asks for a last checkpoint; the host then stops the thread.
 */
export interface CheckpointWorkerData {
  dbPath: string;
  intervalMs: number;
}
/** Pages in the WAL, and how many of them are now in the database file. */
export interface CheckpointResult {
  walPages: number;
  copiedPages: number;
}
export type FromCheckpointWorker = ({ type: 'checkpointed' } & CheckpointResult) | { type: 'closed' };

if (isMainThread || !parentPort) throw new Error('checkpoint.worker.ts runs inside a worker thread');
const port = parentPort;
const { dbPath, intervalMs } = workerData as CheckpointWorkerData;
const db = new Database(dbPath, { fileMustExist: true });
// The app's writer may hold the lock for a moment; a checkpoint that finds it busy simply does less.
db.pragma('busy_timeout = 0');

function checkpoint(): CheckpointResult {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return { walPages: row?.log ?? 0, copiedPages: row?.checkpointed ?? 0 };
}

const timer = setInterval(checkpoint, intervalMs);
port.on('message', (message: 'close' | 'now') => {
  if (message === 'now') return port.postMessage({ type: 'checkpointed', ...checkpoint() } satisfies FromCheckpointWorker);
  clearInterval(timer);
  checkpoint();
  db.close();
  port.postMessage({ type: 'closed' } satisfies FromCheckpointWorker);
});
