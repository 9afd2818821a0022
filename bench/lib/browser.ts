import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../main/harness/server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/e2e/support/app.ts';

/** The renderer as `npm run build:renderer` left it (npm run bench builds it first). */
export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export interface BrowserSession {
  harness: Harness;
  browser: Browser;
  /** A fresh page (own context, so no cache) at 1440x900. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Chromium on the loopback harness over `dbPath`: how the e2e tests see the app. */
export async function openBrowserSession(dbPath: string): Promise<BrowserSession> {
  if (!existsSync(RENDERER_DIR)) throw new Error('dist/renderer is missing: run npm run build:renderer first.');
  const harness = await startHarness({ dbPath, rendererDir: RENDERER_DIR, version: 'bench' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    harness,
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      return context.newPage();
    },
    async close() {
      await browser.close();
      await harness.close();
    },
  };
}

/**
 * Waits until every board column shows at least one card; returns the page's own clock at that
 * frame (ms since navigation started), so browser start-up and test plumbing are not counted.
 */
export async function waitForBoardCards(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const columns = [...document.querySelectorAll('[data-testid^="column-"]')].filter((el) =>
        /^column-[a-z_]+$/.test(el.getAttribute('data-testid') ?? ''),
      );
      const ready = columns.length > 0 && columns.every((column) => column.querySelector('[data-testid^="card-"]'));
      return ready ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}
