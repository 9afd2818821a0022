import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Where a worker script is. From source (CLI, harness, tests under Node's type stripping) it is the
 * .ts file itself (`source`, resolved by the caller against its own import.meta.url); in the
 * Electron bundle (dist/main/main.cjs, CommonJS) Vite builds each worker to `bundleName` in the
 * same folder as the bundle that is running (see main/electron/vite.config.ts).
 */
export function workerUrl(bundleName: string, source: URL): URL {
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) {
    return pathToFileURL(path.join(path.dirname(__filename), bundleName));
  }
  return source;
}

/** A worker thread on `script` (from workerUrl or a caller's own path): every worker of the app starts here. */
export function startWorker(script: string | URL, options: Omit<WorkerOptions, 'execArgv'> = {}): Worker {
  return new Worker(script, { ...options, execArgv: execArgvFor(script) });
}

/**
 * A .ts worker needs type stripping. Workers inherit the host's execArgv, so under
 * `node --experimental-strip-types` (or a Node that strips by default) nothing is added; on a
 * Node where stripping is off the flag is added for this worker only.
 */
function execArgvFor(script: string | URL): string[] | undefined {
  const file = script instanceof URL ? script.pathname : script;
  const stripping = (process.features as { typescript?: string | false }).typescript;
  if (!file.endsWith('.ts') || stripping) return undefined; // inherit
  return [...process.execArgv, '--experimental-strip-types'];
}
