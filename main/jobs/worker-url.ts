import path from 'node:path';
import { pathToFileURL } from 'node:url';

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
