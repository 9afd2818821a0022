import { EXAMPLE_PROSPECT_FILTER, type LeadFilter } from '../../shared/domain/filter.ts';
import { createHandlerTable } from '../../main/ipc/handlers.ts';
import { createServices } from '../../main/services/index.ts';
import { openDatabase } from '../../main/store/open-database.ts';
import type { Measurement } from '../lib/results.ts';
import { summarize, timeMs } from '../lib/stats.ts';
import type { SuiteContext } from './suite.ts';

/** Words a seller types in the search box: a Cyrillic surname prefix, a Latin first name, a domain. */
const SEARCHES = ['Петр', 'anna', 'bluefin', 'Сокол', 'garcia'];

/**
 * Filter and search as the table asks for them: the first page (100 rows) plus the total, through
 * the IPC handler, so validation, SQL translation and row mapping are all counted. Filter and search
 * take turns, so the repository's last count (kept only for the query asked last) is never reused:
 * every sample counts its matches.
 */
export async function filterSearchSuite({ leads, runs, dataset }: SuiteContext & { runs: number }): Promise<Measurement[]> {
  const dbPath = dataset(leads);
  const db = openDatabase(dbPath);
  try {
    const handlers = createHandlerTable(createServices(db, { dbPath, version: 'bench', rescoreOnOpen: false }));
    const query = async (filter: LeadFilter) => {
      const result = await handlers['leads.query']({ filter, sort: [], offset: 0, limit: 100 });
      if (!result.ok) throw new Error(result.error.message);
    };
    const target = leads >= 1_000_000 ? 200 : 50;
    const filterSamples: number[] = [];
    const searchSamples: number[] = [];
    for (let run = 0; run < runs; run++) {
      filterSamples.push(await timeMs(() => query(EXAMPLE_PROSPECT_FILTER)));
      searchSamples.push(await timeMs(() => query({ all: [], search: SEARCHES[run % SEARCHES.length]! })));
    }
    const filter = summarize(filterSamples);
    const search = summarize(searchSamples);
    return [
      { suite: 'filter', name: 'example prospect filter, first page + total', leads, unit: 'ms', stat: 'p95', value: filter.p95, summary: filter, target },
      { suite: 'search', name: 'quick search, first page + total', leads, unit: 'ms', stat: 'p95', value: search.p95, summary: search, target },
    ];
  } finally {
    db.close();
  }
}
