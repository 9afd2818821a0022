import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type E2EApp } from './support/app.ts';
import { cardIn, dragTo, expectColumn, leadIdOf, sel } from './support/board.ts';

/**
 * The board as a seller uses it, in real Chromium against the real harness and a real SQLite file:
 * create, drag through the stage rules, reorder, undo, move with the keyboard, reload.
 */
let app: E2EApp;
const shots = process.env.E2E_SHOTS;

async function shot(name: string): Promise<void> {
  if (shots) await app.page.screenshot({ path: `${shots}/${name}.png` });
}

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

interface TransitionRow {
  id: number;
  from_stage: string | null;
  to_stage: string;
  reason: string | null;
  undoes_transition_id: number | null;
}

function transitionsOf(leadId: number): TransitionRow[] {
  const db = new Database(app.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[number], TransitionRow>(
        'SELECT id, from_stage, to_stage, reason, undoes_transition_id FROM stage_transitions WHERE lead_id = ? ORDER BY id',
      )
      .all(leadId);
  } finally {
    db.close();
  }
}

/** The error toast: read it, then close it so that it does not cover the next step. */
function alert(page: E2EApp['page']) {
  return {
    async dismiss() {
      const toasts = page.locator(sel.errorToast);
      for (const toast of await toasts.all()) await toast.getByRole('button', { name: 'Dismiss message' }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="toast-error"]').length === 0);
    },
  };
}

const DEAL = { dealValueMinor: 1_500_000, currency: 'EUR', expectedCloseOn: '2026-06-30', urgency: 'medium' as const };

describe('board', () => {
  let annaId = 0;
  let borisId = 0;
  let claraId = 0;

  it('creates a lead through the panel on an empty board', async () => {
    const { page } = app;
    await page.goto(app.harness.url);
    await page.getByTestId('empty-board').waitFor();
    expect(page.url()).not.toContain('token');
    await shot('01-empty');

    await page.getByTestId('new-lead').click();
    const panel = page.locator(sel.panel);
    await panel.waitFor();
    await page.getByTestId('lead-firstName').fill('Anna');
    await page.getByTestId('lead-lastName').fill('Petrova');
    await page.getByTestId('lead-companyName').fill('Severstal');
    await page.getByTestId('lead-save').click();

    const card = cardIn(page, 'awareness', 'Anna Petrova');
    await card.waitFor();
    annaId = await leadIdOf(card);
    await expect(page.getByTestId('column-count-awareness').textContent()).resolves.toBe('1');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('keeps working after a reload (token kept for the session)', async () => {
    const { page } = app;
    // Two more deals, straight into SQL, for reordering.
    borisId = (await app.must('leads.create', { stageKey: 'sql', fields: { firstName: 'Boris', lastName: 'Ivanov', email: 'boris@example.com', ...DEAL } })).id;
    claraId = (await app.must('leads.create', { stageKey: 'sql', fields: { firstName: 'Clara', lastName: 'Schmidt', phone: '+49 30 1234567', ...DEAL } })).id;
    await page.reload();
    await expectColumn(page, 'sql', ['Boris Ivanov', 'Clara Schmidt']);
    await expectColumn(page, 'awareness', ['Anna Petrova']);
  });

  it('asks for contact info when a lead without any is dragged to MQL', async () => {
    const { page } = app;
    await dragTo(page, cardIn(page, 'awareness', 'Anna Petrova'), { bottomOf: 'mql' });
    const form = page.locator(sel.moveForm);
    await form.waitFor();
    await expect(form.getByTestId('move-section-contact').isVisible()).resolves.toBe(true);
    await expect(form.getByTestId('move-section-deal').count()).resolves.toBe(0);
    await expect(form.textContent()).resolves.toContain('MQL needs contact info: an e-mail or a phone number.');
    // Optimistic: the card already sits in MQL behind the form.
    await expectColumn(page, 'mql', ['Anna Petrova']);
    await shot('02-move-form-contact');

    // Confirming with nothing filled in explains what is missing, in words.
    await form.getByTestId('move-confirm').click();
    await form.getByText('Give an e-mail or a phone number.').waitFor();
    await form.getByTestId('move-email').fill('anna.petrova@example.com');
    await form.getByTestId('move-confirm').click();
    await form.waitFor({ state: 'detached' });
    await expectColumn(page, 'mql', ['Anna Petrova']);
    await page.locator(sel.toast).filter({ hasText: 'Anna Petrova moved to MQL' }).waitFor();
    const lead = await app.must('leads.get', { id: annaId });
    expect(lead.lead.stageKey).toBe('mql');
    expect(lead.lead.email).toBe('anna.petrova@example.com');
    await expect(page.getByTestId('column-count-mql').textContent()).resolves.toBe('1');
    // The sidebar's saved views are counted again (in main's counting thread) once the move is saved.
    const mqlView = page.getByTestId('sidebar').getByRole('button', { name: /^MQLs waiting for sales acceptance/ });
    await expect.poll(() => mqlView.locator('.sidebar-count').textContent()).toBe('1');
  });

  it('asks for deal value, close date and urgency on the way to SQL', async () => {
    const { page } = app;
    await dragTo(page, cardIn(page, 'mql', 'Anna Petrova'), { bottomOf: 'sql' });
    const form = page.locator(sel.moveForm);
    await form.waitFor();
    await expect(form.textContent()).resolves.toContain('SQL needs deal value, expected close date and urgency.');
    await expect(form.getByTestId('move-section-contact').count()).resolves.toBe(0);
    await form.getByTestId('move-dealValue').fill('42 000');
    await form.getByTestId('move-currency').selectOption('USD');
    await form.getByTestId('move-expectedCloseOn').fill('2026-09-30');
    await form.getByTestId('move-urgency').selectOption('high');
    await shot('03-move-form-deal');
    await form.getByTestId('move-confirm').click();
    await form.waitFor({ state: 'detached' });
    await expectColumn(page, 'sql', ['Boris Ivanov', 'Clara Schmidt', 'Anna Petrova']);
    const card = cardIn(page, 'sql', 'Anna Petrova');
    await expect(card.textContent()).resolves.toContain('$42,000');
    await expect(card.textContent()).resolves.toContain('High');
    const { lead } = await app.must('leads.get', { id: annaId });
    expect(lead).toMatchObject({ stageKey: 'sql', dealValueMinor: 4_200_000, currency: 'USD', expectedCloseOn: '2026-09-30', urgency: 'high' });
  });

  it('reorders inside a column', async () => {
    const { page } = app;
    await dragTo(page, cardIn(page, 'sql', 'Anna Petrova'), { above: cardIn(page, 'sql', 'Boris Ivanov') });
    await expectColumn(page, 'sql', ['Anna Petrova', 'Boris Ivanov', 'Clara Schmidt']);
    await page.locator(sel.toast).filter({ hasText: 'Anna Petrova reordered in SQL' }).waitFor();
    const pageOfCards = await app.must('board.cards', { stageKey: 'sql', limit: 10, after: null });
    expect(pageOfCards.cards.map((c) => c.id)).toEqual([annaId, borisId, claraId]);
  });

  it('asks for a reason on the way to Closed-lost, and Ctrl+Z brings the card back', async () => {
    const { page } = app;
    await dragTo(page, cardIn(page, 'sql', 'Anna Petrova'), { bottomOf: 'lost' });
    const form = page.locator(sel.moveForm);
    await form.waitFor();
    await expect(form.textContent()).resolves.toContain('Moving to Closed-lost needs a lost reason.');
    await form.getByTestId('move-reason').selectOption('Price');
    await form.getByTestId('move-confirm').click();
    await form.waitFor({ state: 'detached' });
    await expectColumn(page, 'lost', ['Anna Petrova']);
    await expectColumn(page, 'sql', ['Boris Ivanov', 'Clara Schmidt']);

    await page.locator('body').press('Control+z');
    await page.locator(sel.toast).filter({ hasText: 'Move undone' }).waitFor();
    // Back in SQL, in its old place above Boris.
    await expectColumn(page, 'sql', ['Anna Petrova', 'Boris Ivanov', 'Clara Schmidt']);
    await expectColumn(page, 'lost', []);
    const { lead } = await app.must('leads.get', { id: annaId });
    expect(lead.stageKey).toBe('sql');
  });

  it('moves a card to the next stage with the keyboard, with spoken announcements', async () => {
    const { page } = app;
    // Fresh, with the pointer out of the way: keyboard focus alone readies the column's cards.
    await page.mouse.move(0, 0);
    await page.reload();
    await expectColumn(page, 'sql', ['Anna Petrova', 'Boris Ivanov', 'Clara Schmidt']);
    const card = cardIn(page, 'sql', 'Boris Ivanov');
    await card.focus();
    await page.keyboard.press('Space');
    await page.locator(sel.liveRegion).filter({ hasText: 'Picked up lead Boris Ivanov from SQL' }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await cardIn(page, 'won', 'Boris Ivanov').waitFor();
    await page.locator(sel.liveRegion).filter({ hasText: 'Lead Boris Ivanov moved to Closed-won, position 1' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await page.locator(sel.toast).filter({ hasText: 'Boris Ivanov moved to Closed-won' }).waitFor();
    await expectColumn(page, 'won', ['Boris Ivanov']);
    const { lead } = await app.must('leads.get', { id: borisId });
    expect(lead.stageKey).toBe('won');
  });

  it('shows everything in place after a reload, and the history holds every step', async () => {
    const { page } = app;
    await page.reload();
    await expectColumn(page, 'sql', ['Anna Petrova', 'Clara Schmidt']);
    await expectColumn(page, 'won', ['Boris Ivanov']);
    await expectColumn(page, 'mql', []);
    await expect(page.getByTestId('lead-count').textContent()).resolves.toBe('3 leads');
    await shot('04-after-reload');

    // The history tab tells the story in words.
    await cardIn(page, 'sql', 'Anna Petrova').click();
    await page.getByTestId('tab-history').click();
    const history = page.getByTestId('history-list');
    await history.getByText('SQL → Closed-lost').waitFor();
    await expect(history.textContent()).resolves.toContain('Price');
    await expect(history.textContent()).resolves.toContain('Created in Awareness (ToFu)');
    await page.getByTestId('note-body').fill('Asked for a discount; call back in May.');
    await page.getByTestId('note-add').click();
    await history.getByText('Asked for a discount; call back in May.').waitFor();
    await shot('05-history');
    await page.keyboard.press('Escape');
    await page.locator(sel.panel).waitFor({ state: 'detached' });

    const rows = transitionsOf(annaId);
    expect(rows.map(({ from_stage, to_stage, reason }) => ({ from_stage, to_stage, reason }))).toEqual([
      { from_stage: null, to_stage: 'awareness', reason: null },
      { from_stage: 'awareness', to_stage: 'mql', reason: null },
      { from_stage: 'mql', to_stage: 'sql', reason: null },
      { from_stage: 'sql', to_stage: 'lost', reason: 'Price' },
      { from_stage: 'lost', to_stage: 'sql', reason: 'Undo' },
    ]);
    expect(rows[4]!.undoes_transition_id).toBe(rows[3]!.id);
    expect(rows.slice(0, 4).every((row) => row.undoes_transition_id === null)).toBe(true);
    expect(transitionsOf(borisId).map((row) => [row.from_stage, row.to_stage])).toEqual([
      [null, 'sql'],
      ['sql', 'won'],
    ]);
  });

  it('rolls the card back and writes nothing when the move form is cancelled', async () => {
    const { page } = app;
    const dana = await app.must('leads.create', { stageKey: 'awareness', fields: { firstName: 'Dana', lastName: 'Scully' } });
    await page.reload();
    await expectColumn(page, 'awareness', ['Dana Scully']);
    await dragTo(page, cardIn(page, 'awareness', 'Dana Scully'), { bottomOf: 'sal' });
    const form = page.locator(sel.moveForm);
    await form.waitFor();
    await expectColumn(page, 'sal', ['Dana Scully']);
    await form.getByTestId('move-cancel').click();
    await form.waitFor({ state: 'detached' });
    await expectColumn(page, 'awareness', ['Dana Scully']);
    await expectColumn(page, 'sal', []);
    await expect(page.getByTestId('column-count-awareness').textContent()).resolves.toBe('1');
    expect(transitionsOf(dana.id).map((row) => row.to_stage)).toEqual(['awareness']);

    // Escape cancels too.
    await dragTo(page, cardIn(page, 'awareness', 'Dana Scully'), { bottomOf: 'mql' });
    await form.waitFor();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expectColumn(page, 'awareness', ['Dana Scully']);
    expect(transitionsOf(dana.id)).toHaveLength(1);
  });

  it('rolls back and shows an alert when main refuses a move', async () => {
    const { page } = app;
    const dana = cardIn(page, 'awareness', 'Dana Scully');
    const danaId = await leadIdOf(dana);
    // Main refuses this one move (as it would for a rule it alone knows).
    const letMovesThrough = await app.answerInstead('leads.move', {
      ok: false,
      error: { code: 'rule_violation', message: 'Consideration is closed for new leads today.' },
    });
    try {
      await dragTo(page, dana, { bottomOf: 'consideration' });
      const alert = page.getByRole('alert').filter({ hasText: 'Could not move Dana Scully to Consideration (MoFu)' });
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain('Consideration is closed for new leads today.');
      await expectColumn(page, 'consideration', []);
      await expectColumn(page, 'awareness', ['Dana Scully']);
      await expect(page.getByTestId('column-count-awareness').textContent()).resolves.toBe('1');
      await shot('06-refused');
    } finally {
      letMovesThrough();
    }
    expect(transitionsOf(danaId)).toHaveLength(1);
    await alert(page).dismiss();
  });

  it('explains a move of a lead deleted elsewhere and drops the stale card', async () => {
    const { page } = app;
    const dana = cardIn(page, 'awareness', 'Dana Scully');
    const danaId = await leadIdOf(dana);
    await app.must('leads.delete', { id: danaId });
    await dragTo(page, dana, { bottomOf: 'consideration' });
    await page.getByRole('alert').filter({ hasText: 'does not exist or was deleted' }).waitFor();
    await expectColumn(page, 'consideration', []);
    await expectColumn(page, 'awareness', []);
    await alert(page).dismiss();
  });

  it('deletes from the panel and restores with the toast Undo button', async () => {
    const { page } = app;
    await cardIn(page, 'sql', 'Clara Schmidt').click();
    await page.getByTestId('lead-delete').click();
    await page.locator(sel.panel).waitFor({ state: 'detached' });
    await expectColumn(page, 'sql', ['Anna Petrova']);
    await page.locator(sel.toast).filter({ hasText: 'Clara Schmidt deleted' }).getByRole('button', { name: 'Undo' }).click();
    await expectColumn(page, 'sql', ['Anna Petrova', 'Clara Schmidt']);
    const { lead } = await app.must('leads.get', { id: claraId });
    expect(lead.deletedAt).toBeNull();
  });

  it('logged no page errors (CSP violations included)', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
