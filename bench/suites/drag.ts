import type { Page } from 'playwright-core';
import type { Measurement } from '../lib/results.ts';
import { summarize } from '../lib/stats.ts';
import { workingCopy } from '../lib/datasets.ts';
import { openBrowserSession, waitForBoardCards } from '../lib/browser.ts';
import type { SuiteContext } from './suite.ts';

/**
 * Drop-to-saved in Chromium: a seller's drag inside the Awareness column (a reorder: no rule asks
 * for data), from the mouse release to the moment the page has main's answer to leads.move.
 */
async function dragOnce(page: Page): Promise<number> {
  const cards = page.locator('[data-testid="column-awareness"] [data-testid^="card-"]');
  const from = await cards.nth(2).boundingBox();
  const to = await cards.nth(0).boundingBox();
  if (!from || !to) throw new Error('The Awareness column shows fewer than three cards.');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 4, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 6, { steps: 8 });
  await page.waitForTimeout(30);
  const saved = page.waitForResponse((response) => response.url().endsWith('/ipc/leads.move'));
  const released = performance.now();
  await page.mouse.up();
  await saved;
  return performance.now() - released;
}

export async function dragSuite({ leads, drags, tempDir, dataset }: SuiteContext & { drags: number }): Promise<Measurement[]> {
  const session = await openBrowserSession(workingCopy(dataset(leads), tempDir));
  try {
    const page = await session.newPage();
    await page.goto(session.harness.url);
    await waitForBoardCards(page);
    const samples: number[] = [];
    for (let i = 0; i < drags; i++) samples.push(await dragOnce(page));
    const summary = summarize(samples);
    return [{ suite: 'move', name: 'drop-to-saved, Chromium via harness (reorder drags)', leads, unit: 'ms', stat: 'p99', value: summary.p99, summary, target: 16 }];
  } finally {
    await session.close();
  }
}
