import type { Measurement } from '../lib/results.ts';
import { summarize } from '../lib/stats.ts';
import { workingCopy } from '../lib/datasets.ts';
import { openBoard, openBrowserSession } from '../lib/browser.ts';
import type { SuiteContext } from './suite.ts';

/**
 * Board first load in Chromium through the harness: from navigation start (the page's clock) to
 * the frame where every column shows its first cards, in a fresh browser context each run; then
 * the renderer's JS heap with the board open.
 */
export async function boardLoadSuite({ leads, runs, tempDir, dataset }: SuiteContext & { runs: number }): Promise<Measurement[]> {
  const session = await openBrowserSession(workingCopy(dataset(leads), tempDir));
  try {
    const samples: number[] = [];
    const heaps: number[] = [];
    const tableHeaps: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await session.newPage();
      samples.push(await openBoard(page, session.harness.url));
      const cdp = await page.context().newCDPSession(page);
      const heapMiB = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1024 / 1024;
      };
      heaps.push(await heapMiB());
      // Then the table too (the board stays loaded in the store): the seller's whole working set.
      await page.getByRole('button', { name: 'Table' }).click();
      await page.locator('[data-testid^="row-"]').first().waitFor();
      tableHeaps.push(await heapMiB());
      await page.context().close();
    }
    const load = summarize(samples);
    const heap = summarize(heaps);
    const tableHeap = summarize(tableHeaps);
    return [
      { suite: 'board', name: 'board first load, Chromium via harness', leads, unit: 'ms', stat: 'median', value: load.median, summary: load, target: 500 },
      { suite: 'memory', name: 'renderer JS heap, board open', leads, unit: 'MiB', stat: 'median', value: heap.median, summary: heap },
      { suite: 'memory', name: 'renderer JS heap, board then table open', leads, unit: 'MiB', stat: 'median', value: tableHeap.median, summary: tableHeap },
    ];
  } finally {
    await session.close();
  }
}
