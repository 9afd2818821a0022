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
 * The page reports its own timings on the console, read from Playwright's console events: a
 * `waitForFunction` poll evaluates Playwright's injected script in the page (about 20 ms of
 * compiling) and runs its predicate on the page's main thread while the page loads or handles a
 * drop, which added 100 to 180 ms to the first load's median (measured back to back).
 */
const REPORT_PREFIX = 'voronka-bench';

/** Page side (an init script): reports the page's clock at the first frame where every column shows a card. */
function reportBoardReady(prefix: string): void {
  const check = () => {
    const columns = [...document.querySelectorAll('[data-testid^="column-"]')].filter((el) =>
      /^column-[a-z_]+$/.test(el.getAttribute('data-testid') ?? ''),
    );
    if (columns.length > 0 && columns.every((column) => column.querySelector('[data-testid^="card-"]'))) {
      console.debug(`${prefix} board-ready ${performance.now()}`);
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Page side (an init script): reports the duration of every performance measure with that name. */
function reportMeasures([prefix, name]: [string, string]): void {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntriesByName(name)) console.debug(`${prefix} ${name} ${entry.duration}`);
  }).observe({ entryTypes: ['measure'] });
}

/** The values the page reports under `name`, in order, as they arrive. */
function pageReports(page: Page, name: string): () => Promise<number> {
  const values: number[] = [];
  const waiting: Array<(value: number) => void> = [];
  const head = `${REPORT_PREFIX} ${name} `;
  page.on('console', (message) => {
    const text = message.text();
    if (!text.startsWith(head)) return;
    const value = Number(text.slice(head.length));
    const waiter = waiting.shift();
    if (waiter) waiter(value);
    else values.push(value);
  });
  return () => {
    const value = values.shift();
    if (value !== undefined) return Promise.resolve(value);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The page did not report "${name}" within 60 s.`)), 60_000);
      waiting.push((reported) => {
        clearTimeout(timer);
        resolve(reported);
      });
    });
  };
}

/**
 * Opens the app in `page` and waits until every board column shows at least one card; returns the
 * page's own clock at that frame (ms since navigation started), so browser start-up and test
 * plumbing are not counted.
 */
export async function openBoard(page: Page, url: string): Promise<number> {
  await page.addInitScript(reportBoardReady, REPORT_PREFIX);
  const boardReady = pageReports(page, 'board-ready');
  await page.goto(url);
  return boardReady();
}

/** Follows the page's performance measures named `name`: call the result for the next one's duration. */
export async function followMeasures(page: Page, name: string): Promise<() => Promise<number>> {
  await page.addInitScript(reportMeasures, [REPORT_PREFIX, name] as [string, string]);
  return pageReports(page, name);
}
