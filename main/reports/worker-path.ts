import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the report worker script is. From source (CLI, harness, tests under Node's type stripping)
 * it is report.worker.ts beside this file; in the Electron bundle (dist/main/main.cjs, CommonJS)
 * Vite builds it to dist/main/report-worker.cjs, next to the bundle that is running.
 */
export function reportWorkerUrl(): URL {
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) {
    return pathToFileURL(path.join(path.dirname(__filename), 'report-worker.cjs'));
  }
  return new URL('./report.worker.ts', import.meta.url);
}
