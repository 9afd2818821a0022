import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Files of imports and exports behind opaque ids. The renderer never names a path: main puts a
 * path here (one Electron's dialog returned, an upload the harness wrote, an export waiting to be
 * downloaded) and hands out the id. Ids are random, so one cannot be guessed from another.
 */

export type FileKind = 'import' | 'download';

export interface RegisteredFile {
  id: string;
  kind: FileKind;
  path: string;
  /** The name to show, and to download as. */
  name: string;
  size: number;
  /** Whether the file lives in the work folder (removed with it) rather than where the seller keeps it. */
  owned: boolean;
}

export interface FileRegistry {
  register(file: Omit<RegisteredFile, 'id'>): RegisteredFile;
  get(id: string, kind: FileKind): RegisteredFile | null;
  /** A fresh path inside the work folder, for an upload or an export to download. */
  workPath(extension: string): string;
  /** Removes the work folder and forgets every file. */
  close(): void;
}

export function createFileRegistry(options: { workDir?: string } = {}): FileRegistry {
  const files = new Map<string, RegisteredFile>();
  let workDir: string | null = options.workDir ?? null;
  const ownsWorkDir = options.workDir === undefined;

  return {
    register(file) {
      const id = randomBytes(16).toString('base64url');
      const entry = { ...file, id };
      files.set(id, entry);
      return entry;
    },
    get(id, kind) {
      const file = files.get(id);
      return file && file.kind === kind ? file : null;
    },
    workPath(extension) {
      workDir ??= mkdtempSync(path.join(tmpdir(), 'voronka-files-'));
      return path.join(workDir, `${randomBytes(12).toString('hex')}${extension}`);
    },
    close() {
      files.clear();
      if (workDir && ownsWorkDir) rmSync(workDir, { recursive: true, force: true });
      workDir = ownsWorkDir ? null : workDir;
    },
  };
}
