import { api } from '../api/index.ts';
import type { BulkOutcome } from '../../shared/ipc/contract.ts';
import type { LeadsBulkAction } from './bulk-types.ts';
import { clearFilterValuesCache } from '../filters/useFilterValues.ts';
import { refreshSummaries } from '../state/board-actions.ts';
import { emitLeadEvent } from '../state/lead-events.ts';
import { useBoard } from '../state/store.ts';
import { showError, showToast } from '../state/toasts.ts';
import { pushUndo } from '../state/undo-stack.ts';
import { bulkTarget, NO_SELECTION } from '../table/selection.ts';
import { setSelection, tableQuery, useTableData } from '../table/table-data.ts';
import { useBulk } from './bulk-store.ts';
import { LEADS, plural } from '../ui/numbers.ts';

/** Sends one `leads.bulk` for the selection (ids, or the filter when every matching lead is selected). */
async function run(action: LeadsBulkAction, what: string): Promise<BulkOutcome | null> {
  const target = bulkTarget(useTableData.getState().selection, tableQuery().filter);
  useBulk.setState({ busy: true });
  const result = await api['leads.bulk']({ target, action });
  useBulk.setState({ busy: false });
  if (!result.ok) {
    showError(`Could not ${what}: ${result.error.message}`);
    return null;
  }
  useBulk.setState({ dialog: null });
  emitLeadEvent({ kind: 'changed' });
  void refreshSummaries();
  return result.value;
}

export async function bulkMove(toStage: string, reason: string | undefined): Promise<void> {
  const stageName = useBoard.getState().stages.find((s) => s.key === toStage)?.name ?? toStage;
  const outcome = await run({ type: 'move', toStage, ...(reason ? { reason } : {}) }, `move the leads to ${stageName}`);
  if (!outcome) return;
  if (outcome.refused.length > 0) {
    // Keep the refused ones selected: the seller can fix them and try again.
    setSelection({ kind: 'ids', ids: new Set(outcome.refused.map((r) => r.id)), anchor: null });
    useBulk.setState({ refusals: { outcome, stageName } });
  } else {
    setSelection(NO_SELECTION);
  }
  showToast({ tone: 'info', message: `${plural(outcome.appliedIds.length, LEADS)} moved to ${stageName}` });
}

export async function bulkAssign(ownerId: number | null): Promise<void> {
  const owner = useBoard.getState().team.find((m) => m.id === ownerId)?.name;
  const outcome = await run({ type: 'assign', ownerId }, 'assign the owner');
  if (!outcome) return;
  showToast({ tone: 'info', message: owner ? `${plural(outcome.appliedIds.length, LEADS)} assigned to ${owner}` : `${plural(outcome.appliedIds.length, LEADS)} unassigned` });
}

export async function bulkTag(add: string[], remove: string[]): Promise<void> {
  const outcome = await run({ type: 'tag', add, remove }, add.length > 0 ? 'add the tags' : 'remove the tags');
  if (!outcome) return;
  clearFilterValuesCache();
  const tags = (add.length > 0 ? add : remove).map((t) => `“${t}”`).join(', ');
  showToast({
    tone: 'info',
    message: add.length > 0 ? `${tags} added to ${plural(outcome.appliedIds.length, LEADS)}` : `${tags} removed from ${plural(outcome.appliedIds.length, LEADS)}`,
  });
}

/** Deletes (softly); the toast's Undo and Ctrl+Z restore exactly the deleted leads. */
export async function bulkDelete(): Promise<void> {
  const outcome = await run({ type: 'delete' }, 'delete the leads');
  if (!outcome) return;
  const label = plural(outcome.appliedIds.length, LEADS);
  const { stack, entry } = pushUndo(useBoard.getState().undo, { kind: 'bulk-delete', leadIds: outcome.appliedIds, label });
  useBoard.setState({ undo: stack });
  setSelection(NO_SELECTION);
  showToast({ tone: 'info', message: `${label} deleted`, undoEntryId: entry.id });
}
