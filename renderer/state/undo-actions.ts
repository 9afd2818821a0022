import { api } from '../api/index.ts';
import { findColumnOf, insertByPosition, neighbourBelow, placeCard } from './columns.ts';
import { refreshSummaries } from './board-actions.ts';
import { shiftSummary } from './summaries.ts';
import { useBoard } from './store.ts';
import { showError, showToast } from './toasts.ts';
import { dropStageMovesOf, popUndo, takeUndo, type UndoEntry } from './undo-stack.ts';
import { emitLeadEvent } from './lead-events.ts';
import { formatCount } from '../ui/numbers.ts';

let undoing = false;

/** Ctrl+Z: reverses the latest board action. */
export async function undoLast(): Promise<void> {
  if (undoing) return;
  const { stack, entry } = popUndo(useBoard.getState().undo);
  if (!entry) {
    showToast({ tone: 'info', message: 'Nothing to undo' });
    return;
  }
  useBoard.setState({ undo: stack });
  await runUndo(entry);
}

/** The toast's Undo button: reverses that one action. */
export async function undoEntry(id: number): Promise<void> {
  if (undoing) return;
  const { stack, entry } = takeUndo(useBoard.getState().undo, id);
  if (!entry) return;
  useBoard.setState({ undo: stack });
  await runUndo(entry);
}

async function runUndo(entry: UndoEntry): Promise<void> {
  undoing = true;
  try {
    // The toast of the action being undone is now stale.
    useBoard.setState((s) => ({ toasts: s.toasts.filter((t) => t.undoEntryId !== entry.id) }));
    if (entry.kind === 'move') await undoMove(entry);
    else if (entry.kind === 'delete') await undoDelete(entry);
    else await undoBulkDelete(entry);
  } finally {
    undoing = false;
  }
}

async function undoMove(entry: Extract<UndoEntry, { kind: 'move' }>): Promise<void> {
  const state = useBoard.getState();
  const currentStage = findColumnOf(state.columns, entry.leadId);
  const currentBefore = neighbourBelow(state.columns, entry.leadId);
  // The old neighbour only counts while it is still in that column.
  const neighbour = entry.beforeLeadId === null ? undefined : state.leads[entry.beforeLeadId];
  const beforeLeadId = neighbour && neighbour.stageKey === entry.fromStage && neighbour.deletedAt === null ? neighbour.id : null;

  const moving = state.leads[entry.leadId];
  useBoard.setState((s) => ({
    columns: placeCard(s.columns, entry.leadId, entry.fromStage, beforeLeadId),
    summaries: moving && currentStage !== null ? shiftSummary(s.summaries, moving, currentStage, entry.fromStage) : s.summaries,
  }));
  const result = await api['leads.move']({
    leadId: entry.leadId,
    toStage: entry.fromStage,
    beforeLeadId,
    ...(entry.transitionId !== null ? { undoesTransitionId: entry.transitionId } : {}),
  });
  if (!result.ok) {
    if (currentStage !== null) useBoard.setState((s) => ({ columns: placeCard(s.columns, entry.leadId, currentStage, currentBefore) }));
    showError(`Could not undo the move of ${entry.leadName}: ${result.error.message}`);
    void refreshSummaries();
    return;
  }
  const lead = result.value.lead;
  emitLeadEvent({ kind: 'saved', lead });
  useBoard.setState((s) => ({
    leads: { ...s.leads, [lead.id]: lead },
    undo: entry.transitionId !== null ? dropStageMovesOf(s.undo, lead.id) : s.undo,
  }));
  showToast({ tone: 'info', message: `Move undone: ${entry.leadName} is back in ${stageName(entry.fromStage)}` });
  void refreshSummaries();
}

async function undoDelete(entry: Extract<UndoEntry, { kind: 'delete' }>): Promise<void> {
  const result = await api['leads.restore']({ id: entry.leadId });
  if (!result.ok) {
    showError(`Could not restore ${entry.leadName}: ${result.error.message}`);
    return;
  }
  const lead = result.value;
  useBoard.setState((s) => {
    const leads = { ...s.leads, [lead.id]: lead };
    return { leads, columns: insertByPosition(s.columns, lead, leads) };
  });
  emitLeadEvent({ kind: 'changed' });
  showToast({ tone: 'info', message: `Delete undone: ${entry.leadName} is back` });
  void refreshSummaries();
}

async function undoBulkDelete(entry: Extract<UndoEntry, { kind: 'bulk-delete' }>): Promise<void> {
  const result = await api['leads.bulk']({ target: { ids: entry.leadIds }, action: { type: 'restore' } });
  if (!result.ok) {
    showError(`Could not restore ${entry.label}: ${result.error.message}`);
    return;
  }
  const restored = result.value.appliedIds.length;
  emitLeadEvent({ kind: 'changed' });
  showToast({ tone: 'info', message: `Delete undone: ${formatCount(restored)} ${restored === 1 ? 'lead is' : 'leads are'} back` });
  void refreshSummaries();
}

function stageName(key: string): string {
  return useBoard.getState().stages.find((stage) => stage.key === key)?.name ?? key;
}
