import type { Page } from 'playwright-core';
import type { AttributeKey } from '../../../shared/domain/lead-attributes.ts';
import type { FilterOp } from '../../../shared/domain/filter.ts';

/** One condition as a seller enters it in the filter builder. */
export interface UiCondition {
  field: AttributeKey;
  op: FilterOp;
  /** Picked (or typed in) values of a list operator. */
  values?: string[];
  /** A number, an amount, or N days / months. */
  number?: string;
}

/** Fills condition editor number `at` of the open filter builder. */
async function fillCondition(page: Page, at: number, condition: UiCondition): Promise<void> {
  const builder = page.getByTestId('filter-builder');
  const editor = builder.getByTestId(`condition-${at}`);
  await editor.getByTestId(`condition-${at}-field`).selectOption(condition.field);
  await editor.getByTestId(`condition-${at}-op`).selectOption(condition.op);
  for (const value of condition.values ?? []) {
    const input = editor.getByTestId(`condition-${at}-values-input`);
    await input.fill(value);
    // The exact value in use, or the "Add “…”" entry: either way Enter picks exactly what was typed.
    await editor.getByRole('option', { name: value, exact: true }).or(editor.getByRole('option', { name: `Add “${value}”` })).first().waitFor();
    await input.press('Enter');
    await editor.locator('.picker-chosen').getByText(value, { exact: true }).waitFor();
  }
  if (condition.number !== undefined) {
    await editor.locator(`[data-testid="condition-${at}-number"], [data-testid="condition-${at}-count"]`).fill(condition.number);
  }
}

/**
 * "+ Filter", attribute, operator, value, "Add filter": the way a seller builds a condition.
 * Several conditions are joined with "+ OR" into one OR group.
 */
export async function addCondition(page: Page, condition: UiCondition | UiCondition[], options: { beforeApply?: () => Promise<void> } = {}): Promise<void> {
  const alternatives = Array.isArray(condition) ? condition : [condition];
  await page.getByTestId('add-filter').click();
  const builder = page.getByTestId('filter-builder');
  await builder.waitFor();
  for (const [at, alternative] of alternatives.entries()) {
    if (at > 0) await builder.getByTestId('filter-add-or').click();
    await fillCondition(page, at, alternative);
  }
  await options.beforeApply?.();
  await builder.getByTestId('filter-apply').click();
  await builder.waitFor({ state: 'detached' });
}

/** The texts of the filter chips, left to right. */
export async function chipTexts(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="filter-chip-"] .filter-chip-text').allTextContents();
}

async function idsOf(page: Page, selector: string, prefix: string): Promise<number[]> {
  const testIds = await page.locator(selector).evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
  return testIds.map((t) => Number(t.slice(prefix.length))).sort((a, b) => a - b);
}

/** Lead ids of the rendered table rows. */
export function tableRowIds(page: Page): Promise<number[]> {
  return idsOf(page, '[data-testid="lead-table"] [data-testid^="row-"]', 'row-');
}

/** Lead ids of the rendered board cards. */
export function boardCardIds(page: Page): Promise<number[]> {
  return idsOf(page, '[data-testid="board"] [data-testid^="card-"]', 'card-');
}

/** Waits until the ids read by `read` are exactly `expected` (in any order). */
export async function expectIds(read: () => Promise<number[]>, expected: number[], what: string, timeout = 8000): Promise<void> {
  const want = JSON.stringify([...expected].sort((a, b) => a - b));
  const started = Date.now();
  let last: number[] = [];
  while (Date.now() - started < timeout) {
    last = await read();
    if (JSON.stringify(last) === want) return;
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  throw new Error(`${what} shows ${JSON.stringify(last)}, expected ${want}`);
}

/** An ISO date `months` months before today. */
export function monthsAgo(months: number): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}
