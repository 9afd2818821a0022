import type { Locator, Page } from 'playwright-core';

/** Stable hooks of the renderer, in one place. */
export const sel = {
  column: (stageKey: string) => `[data-testid="column-${stageKey}"]`,
  cards: (stageKey: string) => `[data-testid="column-${stageKey}"] [data-testid^="card-"]`,
  card: (leadId: number) => `[data-testid="card-${leadId}"]`,
  panel: '[data-testid="lead-panel"]',
  moveForm: '[data-testid="move-form"]',
  errorToast: '[data-testid="toast-error"]',
  toast: '[data-testid="toast"]',
  liveRegion: '[id^="DndLiveRegion"]',
};

/** The card of a lead with that name in that column. */
export function cardIn(page: Page, stageKey: string, name: string): Locator {
  return page.locator(sel.cards(stageKey)).filter({ hasText: name });
}

/** Names of the rendered cards of a column, top to bottom. */
export async function cardNames(page: Page, stageKey: string): Promise<string[]> {
  return page.locator(`${sel.cards(stageKey)} .card-name`).allTextContents();
}

/** Waits until the column shows exactly these names, in this order. */
export async function expectColumn(page: Page, stageKey: string, names: string[], timeout = 5000): Promise<void> {
  const started = Date.now();
  let last: string[] = [];
  while (Date.now() - started < timeout) {
    last = await cardNames(page, stageKey);
    if (JSON.stringify(last) === JSON.stringify(names)) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`Column ${stageKey} shows ${JSON.stringify(last)}, expected ${JSON.stringify(names)}`);
}

export async function leadIdOf(card: Locator): Promise<number> {
  const testId = await card.getAttribute('data-testid');
  const id = Number(testId?.replace('card-', ''));
  if (!Number.isInteger(id)) throw new Error(`Not a card: ${testId}`);
  return id;
}

/** Where to drop: the empty lower part of a column (the bottom), or just inside a card's top edge (above it). */
export type DropTarget = { bottomOf: string } | { above: Locator };

async function scrollIntoView(locator: Locator): Promise<void> {
  await locator.evaluate((el) => el.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
}

/** True when the box lies inside the horizontal span [left, right]. */
function insideX(box: { x: number; width: number }, left: number, right: number): boolean {
  return box.x >= left && box.x + box.width <= right;
}

/**
 * Drags a card with the mouse the way a person does: press, move a little (past the activation
 * distance), travel to the target in steps, pause over it, release. The card is scrolled into view
 * first; a target column out of view (the board scrolls sideways) is reached by holding the card
 * near the board's edge until the board has scrolled it into view, as a person would.
 */
export async function dragTo(page: Page, card: Locator, target: DropTarget): Promise<void> {
  const targetLocator = 'bottomOf' in target ? page.locator(sel.column(target.bottomOf)) : target.above;
  const board = await page.getByTestId('board').boundingBox();
  if (!board) throw new Error('The board is not visible.');
  const left = board.x;
  const right = board.x + board.width;
  // When both fit in view together, show them both; else the card first, the board scrolls later.
  await scrollIntoView(targetLocator);
  const cardBox0 = await card.boundingBox();
  if (!cardBox0 || !insideX(cardBox0, left, right)) await scrollIntoView(card);
  const box = await card.boundingBox();
  if (!box) throw new Error('The card is not visible.');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y + 4, { steps: 4 });
  let targetBox = await targetLocator.boundingBox();
  if (targetBox && !insideX(targetBox, left, right)) {
    const edge = targetBox.x > x ? right - 12 : left + 12;
    await page.mouse.move(edge, y, { steps: 10 });
    for (let i = 0; i < 200 && targetBox && !insideX(targetBox, left, right); i++) {
      await page.waitForTimeout(30);
      targetBox = await targetLocator.boundingBox();
    }
  }
  if (!targetBox) throw new Error('The drop target is not visible.');
  const to =
    'bottomOf' in target
      ? { x: targetBox.x + targetBox.width / 2, y: targetBox.y + targetBox.height - 40 }
      : { x: targetBox.x + targetBox.width / 2, y: targetBox.y + 8 };
  await page.mouse.move(to.x, to.y, { steps: 16 });
  await page.mouse.move(to.x, to.y + 2, { steps: 3 });
  await page.mouse.up();
}
