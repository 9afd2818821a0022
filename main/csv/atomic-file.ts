import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * A file that appears complete or not at all: the bytes go to a hidden temp file in the same
 * folder (so the rename stays on one file system and is atomic), which is flushed to disk and
 * renamed over the target only by `commit()`. Until then an existing target is not touched; an
 * `abort()` (cancel, failure) removes the temp file. A process killed mid-way can leave a temp
 * file behind: `removeStaleTempFiles` clears those for a target before the next export.
 */
export interface AtomicFile {
  readonly target: string;
  readonly tempPath: string;
  /** Bytes handed to `write` so far. */
  readonly bytesWritten: number;
  /** Text is written as UTF-8. Small writes are gathered into larger ones. Await each call before the next. */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flushes, syncs, closes and renames over the target. */
  commit(): Promise<void>;
  /** Closes and deletes the temp file; safe to call more than once and after a failed commit. */
  abort(): Promise<void>;
}

const TEMP_SUFFIX = '.voronka-tmp';
const FLUSH_BYTES = 1024 * 1024;

function tempPrefix(target: string): string {
  return `.${path.basename(target)}.`;
}

export async function createAtomicFile(target: string): Promise<AtomicFile> {
  const resolved = path.resolve(target);
  const tempPath = path.join(path.dirname(resolved), `${tempPrefix(resolved)}${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  let handle: FileHandle | null = await open(tempPath, 'wx');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let bytesWritten = 0;
  let finished = false;

  async function flush(): Promise<void> {
    if (pendingBytes === 0) return;
    const data = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten: n } = await handle!.write(data, offset, data.length - offset);
      offset += n;
    }
  }

  async function closeQuietly(): Promise<void> {
    const h = handle;
    handle = null;
    await h?.close().catch(() => undefined);
  }

  return {
    target: resolved,
    tempPath,
    get bytesWritten() {
      return bytesWritten;
    },
    async write(chunk) {
      if (finished || !handle) throw new Error('The file is already committed or aborted');
      // A copy of bytes: the caller may reuse its buffer before the flush.
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      pending.push(bytes);
      pendingBytes += bytes.length;
      bytesWritten += bytes.length;
      if (pendingBytes >= FLUSH_BYTES) await flush();
    },
    async commit() {
      if (finished || !handle) throw new Error('The file is already committed or aborted');
      finished = true;
      try {
        await flush();
        // Without the sync a crash right after the rename could leave an empty target.
        await handle.sync();
        await handle.close();
        handle = null;
        await rename(tempPath, resolved);
      } catch (error) {
        await closeQuietly();
        await unlink(tempPath).catch(() => undefined);
        throw replaceError(resolved, error);
      }
    },
    async abort() {
      if (finished && !handle) {
        await unlink(tempPath).catch(() => undefined);
        return;
      }
      finished = true;
      pending = [];
      pendingBytes = 0;
      await closeQuietly();
      await unlink(tempPath).catch(() => undefined);
    },
  };
}

/** Runs `produce` against a new atomic file: commits when it returns, aborts when it throws. */
export async function writeFileAtomically<T>(target: string, produce: (file: AtomicFile) => Promise<T>): Promise<T> {
  const file = await createAtomicFile(target);
  let result: T;
  try {
    result = await produce(file);
  } catch (error) {
    await file.abort();
    throw error;
  }
  await file.commit();
  return result;
}

/**
 * Deletes the temp files that a killed export left next to `target`. Call it only while no
 * other export to the same target runs (the job runner's one-job-per-kind rule gives that).
 */
export async function removeStaleTempFiles(target: string): Promise<string[]> {
  const resolved = path.resolve(target);
  const dir = path.dirname(resolved);
  const prefix = tempPrefix(resolved);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    if (!/^[0-9a-f]{12}$/.test(name.slice(prefix.length, -TEMP_SUFFIX.length))) continue;
    const file = path.join(dir, name);
    await unlink(file).then(
      () => removed.push(file),
      () => undefined,
    );
  }
  return removed;
}

/** The reasons a finished file cannot replace the target, in words a seller can act on. */
function replaceError(target: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
      ? 'it is open in another program (Excel?) or the folder is read-only. Close it and try again'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EISDIR'
          ? 'a folder has that name'
          : (error as Error).message;
  return new Error(`Could not save ${target}: ${reason}. The previous file, if any, is unchanged.`, { cause: error });
}
