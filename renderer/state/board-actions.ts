import { api } from '../api/index.ts';
import type { ColumnSummary } from '../../shared/ipc/contract.ts';
import type { Lead } from '../../shared/domain/lead.ts';
import { appendPage, EMPTY_COLUMN, type Columns } from './columns.ts';
import { initialBoardState, useBoard } from './store.ts';
import { showError } from './toasts.ts';

/** Cards fetched per request; a column loads its next page when scrolled near the end. */
export const PAGE_SIZE = 50;

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

/** Loads everything the board needs, then the first page of every column. */
export async function loadBoard(): Promise<void> {
  useBoard.setState({ phase: 'loading', loadError: null });
  const [info, stages, team, reasons, summaries] = await Promise.all([
    api['app.info'](undefined),
    api['stages.list'](undefined),
    api['team.list'](undefined),
    api['reasons.list'](undefined),
    api['board.columns'](undefined),
  ]);
  for (const result of [info, stages, team, reasons, summaries]) {
    if (!result.ok) {
      useBoard.setState({ phase: 'failed', loadError: result.error.message });
      return;
    }
  }
  if (!info.ok || !stages.ok || !team.ok || !reasons.ok || !summaries.ok) return;
  const columns: Columns = Object.fromEntries(stages.value.map((stage) => [stage.key, EMPTY_COLUMN]));
  useBoard.setState({
    ...initialBoardState,
    toasts: useBoard.getState().toasts,
    phase: 'ready',
    info: info.value,
    stages: stages.value,
    team: team.value,
    reasons: reasons.value,
    summaries: summaryMap(summaries.value),
    columns,
  });
  await Promise.all(stages.value.map((stage) => loadCards(stage.key, true)));
}

/** Loads the first page (reset) or the next page of one column. */
export async function loadCards(stageKey: string, reset = false): Promise<void> {
  const column = useBoard.getState().columns[stageKey];
  if (!column || column.loading) return;
  if (!reset && column.loaded && column.next === null) return;
  const after = reset ? null : column.next;
  useBoard.setState((s) => ({ columns: { ...s.columns, [stageKey]: { ...(s.columns[stageKey] ?? EMPTY_COLUMN), loading: true } } }));
  const page = await api['board.cards']({ stageKey, limit: PAGE_SIZE, after });
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

/** Re-reads the column counts and totals (SQL aggregates). */
export async function refreshSummaries(): Promise<void> {
  const result = await api['board.columns'](undefined);
  if (!result.ok) return;
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
