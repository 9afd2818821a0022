import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices } from '../support/services.ts';
import { buildMarchFixture, NOW } from '../unit/reports/fixture.ts';
import { startApp, type E2EApp } from './support/app.ts';

/**
 * The Reports screen in Chromium, in Moscow time, over the hand-counted March of
 * test/unit/reports/fixture.ts written into the harness's DB file: each report shows the figure
 * the unit tests count by hand. With UPDATE_SCREENSHOTS=1 it refreshes docs/screenshots/reports.png.
 */
let app: E2EApp;
let context: BrowserContext;
let page: Page;
const screenshotDir = process.env.UPDATE_SCREENSHOTS ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)) : null;

beforeAll(async () => {
  app = await startApp();
  const t = createTestServices({ dbPath: app.dbPath, now: NOW });
  try {
    buildMarchFixture(t, t.clock);
  } finally {
    t.close();
  }
  context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Moscow', acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') app.pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => app.pageErrors.push(error.message));
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await app?.close();
});

const cell = (rowTestId: string, cellTestId: string) => page.getByTestId(rowTestId).getByTestId(cellTestId);

async function openTab(tab: string): Promise<void> {
  await page.getByTestId(`report-tab-${tab}`).click();
  await settled();
}

/** The answer for the current choices is on screen. */
async function settled(): Promise<void> {
  await page.getByTestId('report-subtitle').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="report-loading"]'));
}

describe('reports', () => {
  it('opens from the top bar and shows March 2026 in Moscow, compared with February', async () => {
    await page.goto(app.harness.url);
    await page.getByTestId('mode-reports').click();
    await page.getByTestId('report-preset').selectOption('custom');
    await page.getByTestId('report-from').fill('2026-03-01');
    await page.getByTestId('report-to').fill('2026-03-31');
    await page.getByTestId('report-apply').click();
    await settled();
    await expect(page.getByTestId('report-subtitle').textContent()).resolves.toBe('1–31 Mar 2026 vs. 1–28 Feb 2026 · cohort');
  });

  it('funnel: cohort and activity counts; the definitions are one click away', async () => {
    await expect(cell('funnel-row-mql', 'reached').textContent()).resolves.toBe('5');
    await expect(cell('funnel-row-conversion', 'step').textContent()).resolves.toMatch(/^75%/);
    await expect(page.getByTestId('kpi-top').textContent()).resolves.toContain('8');
    await page.getByTestId('report-help').click();
    await expect(page.getByTestId('report-help-panel').textContent()).resolves.toContain('counted as having passed it');
    await page.getByTestId('report-help').click();
    await page.getByTestId('report-mode-activity').click();
    await settled();
    // D passed consideration at 03-01 00:30 Moscow: 9 in activity against 8 in the cohort.
    await expect(cell('funnel-row-consideration', 'reached').textContent()).resolves.toBe('9');
    await page.getByTestId('report-mode-cohort').click();
    await settled();
  });

  it('time in stage, win rate and reasons', async () => {
    await openTab('time-in-stage');
    await expect(cell('time-row-mql', 'median').textContent()).resolves.toMatch(/^3\.0 d/);
    await expect(page.getByTestId('kpi-velocity').textContent()).resolves.toContain('13 d');
    await openTab('win-rate');
    await expect(page.getByTestId('kpi-win-rate').textContent()).resolves.toContain('50%');
    await expect(page.getByTestId('win-by-owner').textContent()).resolves.toContain('Olga Smirnova');
    await openTab('reasons');
    await expect(page.getByTestId('reasons-lost').textContent()).resolves.toContain('Price');
    await expect(page.getByTestId('reasons-recycled').textContent()).resolves.toContain('Timing was wrong');
  });

  it('team, pipeline and sources', async () => {
    await openTab('team');
    const james = await app.must('team.list', undefined).then((team) => team.find((m) => m.name === 'James Carter')!.id);
    await expect(cell(`team-row-${james}`, 'moves').textContent()).resolves.toMatch(/^8/);
    await expect(cell(`team-row-${james}`, 'weighted').textContent()).resolves.toBe('$600');
    await openTab('pipeline');
    await expect(cell('pipeline-row-sal', 'observed').textContent()).resolves.toMatch(/^33\.3%/);
    await expect(page.getByTestId('kpi-weighted').textContent()).resolves.toContain('$1,160');
    await openTab('sources');
    await expect(cell('source-row-Webinar', 'leads').textContent()).resolves.toMatch(/^6/);
  });

  it('narrows to a segment and exports the report to CSV through the shared writer', async () => {
    await openTab('funnel');
    await page.getByTestId('report-segment-kind').selectOption('source');
    await page.getByTestId('report-segment-value').locator('option', { hasText: 'Referral' }).waitFor({ state: 'attached' });
    await page.getByTestId('report-segment-value').selectOption('Referral');
    await settled();
    await expect(cell('funnel-row-awareness', 'reached').textContent()).resolves.toBe('2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toBe('voronka-funnel-2026-03-01-to-2026-03-31.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFFStage,Funnel,Reached,')).toBe(true);
    expect(text).toContain('\r\nMQL,sales,2,2,0,0,1,1,');
    expect(app.pageErrors).toEqual([]);
  });

  it.runIf(screenshotDir)('README screenshot: the funnel of a year of demo data, last quarter against the one before', async () => {
    const t = createTestServices({ dbPath: app.dbPath, now: Date.now() });
    try {
      t.demo.seed(3000);
    } finally {
      t.close();
    }
    // A fresh page: the top bar counts the demo leads too, and no toast is left over.
    await page.reload();
    await page.getByTestId('mode-reports').click();
    await page.getByTestId('report-preset').selectOption('last_quarter');
    await settled();
    await page.mouse.move(1, 1);
    await page.screenshot({ path: path.join(screenshotDir!, 'reports.png') });
  });
});
