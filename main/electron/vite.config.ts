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
 *                 main.cjs from the same folder (see main/reports/worker-path.ts).
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
} as const;

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
    reportWorker: environment('reportWorker', (id) => id === 'better-sqlite3' || NODE_BUILTINS.has(id)),
  },
  builder: {
    async buildApp(builder) {
      const { main, preload, reportWorker } = builder.environments;
      if (!main || !preload || !reportWorker) throw new Error('vite.config: missing the main, preload or report worker environment');
      await builder.build(main);
      await builder.build(preload);
      await builder.build(reportWorker);
    },
  },
});
