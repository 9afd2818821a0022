import { api } from '../api/index.ts';
import type { CardPage, ColumnSummary } from '../../shared/ipc/contract.ts';
import type { Lead } from '../../shared/domain/lead.ts';
import type { LeadFilter } from '../../shared/domain/filter.ts';
import type { Stage } from '../../shared/domain/stage.ts';
import { hasConditions, queryFilter } from '../filters/filter-ops.ts';
import { appendPage, EMPTY_COLUMN, type Columns } from './columns.ts';
import { initialBoardState, useBoard } from './store.ts';
import { showError } from './toasts.ts';
import { useWorkspace } from './workspace.ts';
import { scheduleCountsRefresh } from './counts.ts';
import { emitLeadEvent, onLeadEvent } from './lead-events.ts';

/** Cards fetched per request; a column loads its next page when scrolled near the end. */
export const PAGE_SIZE = 50;

/** Bumped whenever the board is re-read for another filter: answers for an older one are dropped. */
let generation = 0;
/** The filter the loaded cards belong to (JSON), or null when no cards are loaded. */
let cardsKey: string | null = null;

/** The filter of the board and the table, or undefined when nothing narrows the leads. */
export function activeQueryFilter(): LeadFilter | undefined {
  const { filter, search } = useWorkspace.getState();
  const query = queryFilter(filter, search);
  return hasConditions(query) || query.search ? query : undefined;
}

function filterKey(): string {
  return JSON.stringify(activeQueryFilter() ?? null);
}

// Changes made in the table (bulk actions, inline edits) leave the hidden board's cards stale.
onLeadEvent(() => {
  if (useWorkspace.getState().mode === 'table') cardsKey = null;
});

function summaryMap(list: ColumnSummary[]): Record<string, ColumnSummary> {
  return Object.fromEntries(list.map((summary) => [summary.stageKey, summary]));
}

function mergeLeads(cards: Lead[]): void {
  if (cards.length === 0) return;
  useBoard.setState((s) => {
    const leads = { ...s.leads };
    for (const card of cards) leads[card.id] = card;
    return { leads };
  });
}

function columnsInput() {
  const filter = activeQueryFilter();
  return filter ? { filter } : undefined;
}

/**
 * Loads everything the app needs (team, stages, reasons, column counts) and, when the board is
 * shown, its first cards: one `app.open` answer, and the board appears once, with its cards.
 */
export async function loadBoard(): Promise<void> {
  useBoard.setState({ phase: 'loading', loadError: null });
  generation++;
  const started = generation;
  const showCards = useWorkspace.getState().mode === 'board';
  cardsKey = showCards ? filterKey() : null;
  const filter = activeQueryFilter();
  const opened = await api['app.open']({ ...(filter ? { filter } : {}), ...(showCards ? { cardLimit: PAGE_SIZE } : {}) });
  if (started !== generation) return;
  if (!opened.ok) {
    useBoard.setState({ phase: 'failed', loadError: opened.error.message });
    return;
  }
  const { info, stages, team, reasons, summaries, firstPages } = opened.value;
  useBoard.setState({
    ...initialBoardState,
    toasts: useBoard.getState().toasts,
    phase: 'ready',
    info,
    stages,
    team,
    reasons,
    summaries: summaryMap(summaries),
    ...(firstPages ? loadedPages(firstPages) : { columns: emptyColumns(stages, false), leads: {} }),
  });
  scheduleCountsRefresh();
  // Everything was re-read (first load, demo data, Try again): so must the table's rows be.
  emitLeadEvent({ kind: 'changed' });
}

function emptyColumns(stages: readonly Stage[], loading: boolean): Columns {
  return Object.fromEntries(stages.map((stage) => [stage.key, { ...EMPTY_COLUMN, loading }]));
}

/** Every column's first page as the store keeps it: the columns' ids and the leads by id. */
function loadedPages(pages: Record<string, CardPage>): { columns: Columns; leads: Record<number, Lead> } {
  const columns: Columns = {};
  const leads: Record<number, Lead> = {};
  for (const [stageKey, page] of Object.entries(pages)) {
    for (const card of page.cards) leads[card.id] = card;
    columns[stageKey] = { ids: page.cards.map((card) => card.id), next: page.next, loaded: true, loading: false };
  }
  return { columns, leads };
}

/** Every column's first page for the current filter: one answer, for one store update (one render). */
async function firstPages(): Promise<{ columns: Columns; leads: Record<number, Lead> } | null> {
  const filter = activeQueryFilter();
  const result = await api['board.firstPages']({ limit: PAGE_SIZE, ...(filter ? { filter } : {}) });
  if (!result.ok) {
    showError(`Could not load the cards: ${result.error.message}`);
    return null;
  }
  return loadedPages(result.value);
}

/** Empties every column and loads their first pages for the current filter. */
export async function reloadCards(): Promise<void> {
  const { stages } = useBoard.getState();
  generation++;
  const started = generation;
  cardsKey = filterKey();
  useBoard.setState({ columns: emptyColumns(stages, true) });
  const pages = await firstPages();
  if (started !== generation) return;
  useBoard.setState((s) => (pages ? { columns: pages.columns, leads: { ...s.leads, ...pages.leads } } : { columns: emptyColumns(stages, false) }));
}

/** The board is shown: re-read its cards when the filter changed while it was hidden. */
export async function ensureCardsForFilter(): Promise<void> {
  if (useBoard.getState().phase !== 'ready') return;
  if (cardsKey !== filterKey()) await reloadCards();
}

/** The filter or the search changed: new counts and totals, and new cards when the board is shown. */
export async function applyFilterToBoard(): Promise<void> {
  if (useBoard.getState().phase !== 'ready') return;
  const tasks: Promise<void>[] = [refreshSummaries()];
  if (useWorkspace.getState().mode === 'board') tasks.push(reloadCards());
  else cardsKey = null;
  await Promise.all(tasks);
}

/** Loads the first page (reset) or the next page of one column. */
export async function loadCards(stageKey: string, reset = false): Promise<void> {
  const column = useBoard.getState().columns[stageKey];
  if (!column || column.loading) return;
  if (!reset && column.loaded && column.next === null) return;
  const after = reset ? null : column.next;
  const started = generation;
  const filter = activeQueryFilter();
  useBoard.setState((s) => ({ columns: { ...s.columns, [stageKey]: { ...(s.columns[stageKey] ?? EMPTY_COLUMN), loading: true } } }));
  const page = await api['board.cards']({ stageKey, limit: PAGE_SIZE, after, ...(filter ? { filter } : {}) });
  if (started !== generation) return;
  if (!page.ok) {
    useBoard.setState((s) => ({ columns: { ...s.columns, [stageKey]: { ...(s.columns[stageKey] ?? EMPTY_COLUMN), loading: false } } }));
    showError(`Could not load the cards: ${page.error.message}`);
    return;
  }
  mergeLeads(page.value.cards);
  useBoard.setState((s) => ({
    columns: appendPage(s.columns, stageKey, page.value.cards.map((card) => card.id), page.value.next, reset),
  }));
}

/** Re-reads the column counts and totals (SQL aggregates, filtered like the board), and the sidebar counts. */
export async function refreshSummaries(): Promise<void> {
  const key = filterKey();
  scheduleCountsRefresh();
  const result = await api['board.columns'](columnsInput());
  // An answer for a filter that is no longer shown is dropped.
  if (!result.ok || key !== filterKey()) return;
  useBoard.setState({ summaries: summaryMap(result.value) });
}

/** Fills an empty database with demo leads, then reloads the board. */
export async function loadDemoData(): Promise<void> {
  useBoard.setState({ demoLoading: true });
  const result = await api['demo.load'](undefined);
  useBoard.setState({ demoLoading: false });
  if (!result.ok) {
    showError(`Could not load demo data: ${result.error.message}`);
    return;
  }
  await loadBoard();
}

export { mergeLeads };
