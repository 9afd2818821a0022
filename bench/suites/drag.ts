import type { Page } from 'playwright-core';
import type { Measurement } from '../lib/results.ts';
import { summarize } from '../lib/stats.ts';
import { workingCopy } from '../lib/datasets.ts';
import { followMeasures, openBoard, openBrowserSession } from '../lib/browser.ts';
import { DROP_TO_SAVED } from '../../renderer/board/drop-timing.ts';
import type { SuiteContext } from './suite.ts';

/**
 * Drop-to-saved in Chromium: a seller's drag inside the Awareness column (a reorder: no rule asks
 * for data), timed by the page itself: from the pointerup event's own timestamp (so time it waited
 * behind other work counts) to the moment the renderer has applied and rendered main's answer to
 * leads.move (the `card-drop-to-saved` measure, see renderer/board/drop-timing.ts). Timing from
 * Playwright's mouse.up() to the response seen over CDP instead added DevTools round trips a seller
 * never has, and stopped before the renderer had even read the answer.
 */
async function dragOnce(page: Page, nextDrop: () => Promise<number>): Promise<number> {
  const cards = page.locator('[data-testid="column-awareness"] [data-testid^="card-"]');
  const from = await cards.nth(2).boundingBox();
  const to = await cards.nth(0).boundingBox();
  if (!from || !to) throw new Error('The Awareness column shows fewer than three cards.');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 4, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 6, { steps: 8 });
  await page.waitForTimeout(30);
  await page.mouse.up();
  return nextDrop();
}

export async function dragSuite({ leads, drags, tempDir, dataset }: SuiteContext & { drags: number }): Promise<Measurement[]> {
  const session = await openBrowserSession(workingCopy(dataset(leads), tempDir));
  try {
    const page = await session.newPage();
    const nextDrop = await followMeasures(page, DROP_TO_SAVED);
    await openBoard(page, session.harness.url);
    const samples: number[] = [];
    for (let i = 0; i < drags; i++) samples.push(await dragOnce(page, nextDrop));
    const summary = summarize(samples);
    return [{ suite: 'move', name: 'drop-to-saved in the page, Chromium via harness (reorder drags)', leads, unit: 'ms', stat: 'p99', value: summary.p99, summary, target: 16 }];
  } finally {
    await session.close();
  }
}
