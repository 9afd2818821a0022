import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dataset } from './lib/datasets.ts';
import { renderTable, type Measurement } from './lib/results.ts';
import { boardLoadSuite } from './suites/board-load.ts';
import { moveSuite } from './suites/move.ts';
import { filterSearchSuite } from './suites/filter-search.ts';
import { reportsSuite } from './suites/reports.ts';
import { transferSuite } from './suites/transfer.ts';
import { dragSuite } from './suites/drag.ts';
import type { SuiteContext } from './suites/suite.ts';

export interface BenchOptions {
  /** The small, fast version `npm test` runs so the suite never rots. */
  smoke: boolean;
  only?: string[];
  /** Skip datasets larger than this (suites measured at several sizes keep the smaller ones). */
  maxLeads?: number;
  resultsFile?: string;
  log: (text: string) => void;
}

interface SuiteSpec {
  name: string;
  run: (context: Omit<SuiteContext, 'leads'> & { sizes: (full: number[]) => number[] }, smoke: boolean) => Promise<Measurement[]>;
}

const SMOKE_LEADS = 2_000;

const SUITES: SuiteSpec[] = [
  {
    name: 'move',
    run: (context, smoke) => moveSuite({ ...context, leads: smoke ? SMOKE_LEADS : 100_000, moves: smoke ? 200 : 10_000 }),
  },
  {
    name: 'drag',
    run: (context, smoke) => dragSuite({ ...context, leads: smoke ? SMOKE_LEADS : 100_000, drags: smoke ? 10 : 200 }),
  },
  {
    name: 'board',
    run: (context, smoke) => boardLoadSuite({ ...context, leads: smoke ? SMOKE_LEADS : 100_000, runs: smoke ? 2 : 7 }),
  },
  {
    name: 'filter',
    run: async (context, smoke) => {
      const results: Measurement[] = [];
      for (const leads of smoke ? [SMOKE_LEADS] : context.sizes([100_000, 1_000_000])) results.push(...(await filterSearchSuite({ ...context, leads, runs: smoke ? 5 : 40 })));
      return results;
    },
  },
  {
    name: 'reports',
    run: (context, smoke) => reportsSuite({ ...context, leads: smoke ? SMOKE_LEADS : 1_000_000, runs: smoke ? 2 : 5 }),
  },
  {
    // Twice in the full run: memory that stays flat shows the same growth at both sizes.
    name: 'transfer',
    run: async (context, smoke) => {
      const results: Measurement[] = [];
      for (const leads of smoke ? [SMOKE_LEADS] : context.sizes([100_000, 1_000_000])) results.push(...(await transferSuite({ ...context, leads })));
      return results;
    },
  },
];

/**
 * Runs the suites, printing each suite's rows as it ends (a long run shows what it has), then the
 * whole table; writes bench/results.json after every suite, so an interrupted run keeps its figures.
 */
export async function runBench(options: BenchOptions): Promise<Measurement[]> {
  const tempDir = mkdtempSync(path.join(tmpdir(), 'voronka-bench-'));
  const context = {
    tempDir,
    log: options.log,
    dataset: (leads: number) => dataset(leads, options.log),
    sizes: (full: number[]) => full.filter((leads) => leads <= (options.maxLeads ?? Infinity)),
  };
  const measurements: Measurement[] = [];
  const save = () => {
    if (!options.resultsFile) return;
    mkdirSync(path.dirname(options.resultsFile), { recursive: true });
    writeFileSync(options.resultsFile, `${JSON.stringify({ at: new Date().toISOString(), smoke: options.smoke, measurements }, null, 2)}\n`);
  };
  try {
    for (const suite of SUITES) {
      if (options.only && !options.only.includes(suite.name)) continue;
      options.log(`== ${suite.name}`);
      const rows = await suite.run(context, options.smoke);
      measurements.push(...rows);
      options.log(renderTable(rows));
      save();
    }
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
  options.log(`\n${renderTable(measurements)}\n`);
  return measurements;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, only: { type: 'string' }, 'max-leads': { type: 'string' } } });
  await runBench({
    smoke: values.smoke,
    only: values.only?.split(','),
    maxLeads: values['max-leads'] === undefined ? undefined : Number(values['max-leads']),
    resultsFile: fileURLToPath(new URL('./results.json', import.meta.url)),
    log: (text) => console.log(text),
  });
}
