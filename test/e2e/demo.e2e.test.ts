import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unmetRequirements } from '../../shared/domain/stage-rules.ts';
import type { Lead } from '../../shared/domain/lead.ts';
import type { CardPage } from '../../shared/ipc/contract.ts';
import { startApp, type E2EApp } from './support/app.ts';
import { dragTo, sel } from './support/board.ts';

/**
 * First run with demo data: the board fills, long columns load page by page and stay virtualized.
 * With UPDATE_SCREENSHOTS=1 it also refreshes the README screenshots in docs/screenshots/.
 */
let app: E2EApp;
const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
  : null;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 900 } });
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await app?.close();
});

async function allCards(stageKey: string): Promise<Lead[]> {
  const cards: Lead[] = [];
  let after: { position: string; id: number } | null = null;
  do {
    const page: CardPage = await app.must('board.cards', { stageKey, limit: 200, after });
    cards.push(...page.cards);
    after = page.next;
  } while (after);
  return cards;
}

describe('demo data', () => {
  it('loads from the empty state and fills the board', async () => {
    const { page } = app;
    await page.goto(app.harness.url);
    await page.getByTestId('load-demo').click();
    await page.locator(sel.cards('awareness')).first().waitFor();
    const info = await app.must('app.info', undefined);
    expect(info.leadCount).toBeGreaterThan(100);
    await expect(page.getByTestId('lead-count').textContent()).resolves.toBe(`${info.leadCount} leads`);
    // Column headers come from the SQL aggregates: count and money per currency.
    const columns = await app.must('board.columns', undefined);
    const awareness = columns.find((c) => c.stageKey === 'awareness')!;
    await expect(page.getByTestId('column-count-awareness').textContent()).resolves.toBe(String(awareness.count));
    await expect(page.getByTestId('column-totals-mql').textContent()).resolves.toMatch(/[$€₽]\d/);
    if (screenshotDir) {
      await page.mouse.move(1, 1); // no hover highlight in the picture
      await page.screenshot({ path: path.join(screenshotDir, 'board.png') });
    }
  });

  it('virtualizes a long column and loads its next pages on scroll', async () => {
    const { page } = app;
    const expected = await allCards('awareness');
    expect(expected.length).toBeGreaterThan(50);
    const rendered = await page.locator(sel.cards('awareness')).count();
    expect(rendered).toBeLessThan(30);

    const scroller = page.getByTestId('column-scroll-awareness');
    const lastName = expected[expected.length - 1]!;
    const lastCard = page.locator(sel.card(lastName.id));
    for (let i = 0; i < 40 && !(await lastCard.count()); i++) {
      await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight * 2));
      await page.waitForTimeout(60);
    }
    await lastCard.waitFor();
    expect(await page.locator(sel.cards('awareness')).count()).toBeLessThan(30);
    await scroller.evaluate((el) => el.scrollTo(0, 0));
  });

  it('opens the move form for a dragged card that lacks deal data', async () => {
    const { page } = app;
    const [stages, mql] = await Promise.all([app.must('stages.list', undefined), app.must('board.cards', { stageKey: 'mql', limit: 4, after: null })]);
    const from = stages.find((s) => s.key === 'mql')!;
    const to = stages.find((s) => s.key === 'sql')!;
    const lead = mql.cards.find((card) => unmetRequirements(card, from, to).length > 0);
    expect(lead, 'a demo MQL lead without deal data among the first cards').toBeDefined();
    await dragTo(page, page.locator(sel.card(lead!.id)), { bottomOf: 'sql' });
    const form = page.locator(sel.moveForm);
    await form.waitFor();
    await form.getByTestId('move-section-deal').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.card-overlay').length === 0);
    if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, 'move-form.png') });
    await form.getByTestId('move-cancel').click();
    await form.waitFor({ state: 'detached' });
    await page.locator(`${sel.column('mql')} ${sel.card(lead!.id)}`).waitFor();
  });

  it('logged no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
