import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

/**
 * Builds the Electron side into dist/main as CommonJS:
 *   main.cjs    – the app entry (package.json "main");
 *   preload.cjs – the sandboxed preload, which may `require('electron')` and nothing else, so it
 *                 must be one self-contained file (hence its own build: a shared chunk with
 *                 main.cjs would be a second require).
 *   report-worker.cjs – the report worker thread (main/reports/report.worker.ts), started by
 *                 main.cjs from the same folder (see main/jobs/worker-url.ts).
 *   export-worker.cjs, scan-worker.cjs, import-worker.cjs – the CSV export, the read of a file
 *                 before an import, and the import and its preview (main/csv/*.worker.ts,
 *                 main/import/import.worker.ts), found the same way (main/jobs/worker-url.ts).
 *   checkpoint-worker.cjs – the WAL checkpointer thread (main/store/checkpoint.worker.ts), likewise.
 *   filter-count-worker.cjs – the thread that counts the saved views (main/store/filter-count.worker.ts), likewise.
 * electron, better-sqlite3 (native addon) and Node built-ins stay external; zod,
 * fractional-indexing and shared/ are bundled.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'dist/main');

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

const ENTRIES = {
  main: { file: 'main/electron/main.ts', name: 'main' },
  preload: { file: 'main/electron/preload.ts', name: 'preload' },
  reportWorker: { file: 'main/reports/report.worker.ts', name: 'report-worker' },
  exportWorker: { file: 'main/csv/export.worker.ts', name: 'export-worker' },
  scanWorker: { file: 'main/csv/scan.worker.ts', name: 'scan-worker' },
  importWorker: { file: 'main/import/import.worker.ts', name: 'import-worker' },
  checkpointWorker: { file: 'main/store/checkpoint.worker.ts', name: 'checkpoint-worker' },
  filterCountWorker: { file: 'main/store/filter-count.worker.ts', name: 'filter-count-worker' },
} as const;

/** Worker threads may require better-sqlite3 and Node built-ins, nothing else (not electron). */
const WORKERS = ['reportWorker', 'exportWorker', 'scanWorker', 'importWorker', 'checkpointWorker', 'filterCountWorker'] as const;

function environment(entry: keyof typeof ENTRIES, external: (id: string) => boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: {
      // Bundle every dependency except the ones `external` lets through.
      noExternal: true,
      external: ['electron', 'better-sqlite3'],
    },
    build: {
      outDir,
      // Both environments write into dist/main: only the first build clears it.
      emptyOutDir: entry === 'main',
      target: 'node22',
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { [ENTRIES[entry].name]: path.join(root, ENTRIES[entry].file) },
        external,
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: '[name]-[hash].cjs',
        },
      },
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'info',
  environments: {
    main: environment('main', (id) => id === 'electron' || id === 'better-sqlite3' || NODE_BUILTINS.has(id)),
    // A sandboxed preload gets only `require('electron')`: anything else must be bundled or fail the build.
    preload: environment('preload', (id) => id === 'electron'),
    ...Object.fromEntries(WORKERS.map((name) => [name, environment(name, (id) => id === 'better-sqlite3' || NODE_BUILTINS.has(id))])),
  },
  builder: {
    async buildApp(builder) {
      const { main, preload } = builder.environments;
      if (!main || !preload) throw new Error('vite.config: missing the main or preload environment');
      await builder.build(main);
      await builder.build(preload);
      for (const name of WORKERS) {
        const worker = builder.environments[name];
        if (!worker) throw new Error(`vite.config: missing the ${name} environment`);
        await builder.build(worker);
      }
    },
  },
});
