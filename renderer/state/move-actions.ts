import { api } from '../api/index.ts';
import { leadDisplayName, type Lead } from '../../shared/domain/lead.ts';
import { unmetRequirements } from '../../shared/domain/stage-rules.ts';
import type { LeadPatch } from '../../shared/ipc/schemas.ts';
import type { MoveOutcome } from '../../shared/ipc/contract.ts';
import type { AppError, Result } from '../../shared/ipc/result.ts';
import { findColumnOf, insertByPosition, neighbourBelow, placeCard } from './columns.ts';
import { shiftSummary } from './summaries.ts';
import { activeQueryFilter, loadCards, refreshSummaries } from './board-actions.ts';
import { stageByKey, useBoard, type DragOrigin, type PendingMove } from './store.ts';
import { showError, showToast } from './toasts.ts';
import { pushUndo } from './undo-stack.ts';
import { emitLeadEvent } from './lead-events.ts';

function stageName(key: string): string {
  return stageByKey(useBoard.getState().stages, key)?.name ?? key;
}

export function leadName(leadId: number): string {
  const lead = useBoard.getState().leads[leadId];
  return lead ? leadDisplayName(lead) : 'Lead';
}

/**
 * The first card after the loaded ones, asked from main: a card dropped at the end of a
 * partly loaded column goes just above it, where the seller saw it land.
 */
async function firstUnloadedCard(stageKey: string, exceptId: number): Promise<number | null> {
  const column = useBoard.getState().columns[stageKey];
  if (!column?.next) return null;
  const filter = activeQueryFilter();
  const page = await api['board.cards']({ stageKey, limit: 2, after: column.next, ...(filter ? { filter } : {}) });
  if (!page.ok) return null;
  return page.value.cards.find((card) => card.id !== exceptId)?.id ?? null;
}

/** Optimistic column counts and totals while a move is on its way (refreshed from main after). */
function shiftSummaries(lead: Lead, fromStage: string, toStage: string): void {
  useBoard.setState((s) => ({ summaries: shiftSummary(s.summaries, lead, fromStage, toStage) }));
}

/** Puts a card back where it was before a drag (Cancel, refusal). */
export function rollbackCard(leadId: number, stageKey: string, beforeLeadId: number | null): void {
  useBoard.setState((s) => {
    const lead = s.leads[leadId];
    const neighbourThere = beforeLeadId !== null && s.columns[stageKey]?.ids.includes(beforeLeadId);
    if (lead && beforeLeadId !== null && !neighbourThere) {
      return { columns: insertByPosition(s.columns, { ...lead, stageKey }, s.leads) };
    }
    return { columns: placeCard(s.columns, leadId, stageKey, beforeLeadId) };
  });
}

/**
 * Called after a drop, once the store's columns already show the card in its new place.
 * Opens the move form when the target stage needs data the lead lacks; otherwise sends the move.
 * True once main saved the move and the board shows its answer (React renders store changes in
 * the microtask queued by the store update, before this resolves).
 */
export async function commitDrop(origin: DragOrigin): Promise<boolean> {
  const state = useBoard.getState();
  const toStage = findColumnOf(state.columns, origin.leadId);
  if (toStage === null) return false;
  let beforeLeadId = neighbourBelow(state.columns, origin.leadId);
  if (toStage === origin.fromStage && beforeLeadId === origin.beforeLeadId) return false;

  const lead = state.leads[origin.leadId];
  const from = stageByKey(state.stages, origin.fromStage);
  const to = stageByKey(state.stages, toStage);
  if (!lead || !from || !to) return false;

  // A card that was or lands last among the loaded ones of a longer column: ask main for the real neighbour.
  if (beforeLeadId === null) beforeLeadId = await firstUnloadedCard(toStage, origin.leadId);
  let originalBeforeLeadId = origin.beforeLeadId;
  if (originalBeforeLeadId === null && state.columns[origin.fromStage]?.next) {
    const page = await api['board.cards']({
      stageKey: origin.fromStage,
      limit: 2,
      after: { position: lead.position, id: lead.id },
    });
    if (page.ok) originalBeforeLeadId = page.value.cards.find((card) => card.id !== lead.id)?.id ?? null;
  }

  const pending: PendingMove = {
    leadId: origin.leadId,
    fromStage: origin.fromStage,
    toStage,
    beforeLeadId,
    originalBeforeLeadId,
    requirements: unmetRequirements(lead, from, to),
  };
  if (pending.fromStage !== pending.toStage) shiftSummaries(lead, pending.fromStage, pending.toStage);
  if (pending.requirements.length > 0) {
    useBoard.setState({ moveForm: pending });
    return false;
  }
  const result = await sendMove(pending);
  if (result.ok) return true;
  rollbackCard(pending.leadId, pending.fromStage, origin.beforeLeadId);
  void refreshSummaries();
  // The board is stale (the lead or its neighbour changed elsewhere): re-read both columns.
  if (result.error.code === 'not_found' || result.error.code === 'conflict') {
    void loadCards(pending.fromStage, true);
    if (pending.toStage !== pending.fromStage) void loadCards(pending.toStage, true);
  }
  showError(`Could not move ${leadName(pending.leadId)} to ${stageName(toStage)}: ${result.error.message}`);
  return false;
}

/** Sends `leads.move`; on success records the undo step and tells the seller. */
export async function sendMove(pending: PendingMove, extra: { patch?: LeadPatch; reason?: string } = {}): Promise<Result<MoveOutcome>> {
  const result = await api['leads.move']({
    leadId: pending.leadId,
    toStage: pending.toStage,
    beforeLeadId: pending.beforeLeadId,
    ...(extra.reason ? { reason: extra.reason } : {}),
    ...(extra.patch ? { patch: extra.patch } : {}),
  });
  if (!result.ok) return result;
  const { lead, transition } = result.value;
  const name = leadDisplayName(lead);
  const { stack, entry } = pushUndo(useBoard.getState().undo, {
    kind: 'move',
    leadId: lead.id,
    leadName: name,
    fromStage: pending.fromStage,
    toStage: pending.toStage,
    beforeLeadId: pending.originalBeforeLeadId,
    transitionId: transition?.id ?? null,
  });
  useBoard.setState((s) => ({ leads: { ...s.leads, [lead.id]: lead }, undo: stack }));
  emitLeadEvent({ kind: 'saved', lead });
  const message =
    pending.fromStage === pending.toStage ? `${name} reordered in ${stageName(lead.stageKey)}` : `${name} moved to ${stageName(lead.stageKey)}`;
  showToast({ tone: 'info', message, undoEntryId: entry.id });
  // A reorder changes nothing that is counted (a position only): the unfiltered column figures and
  // the sidebar's counts stay as they were, so no aggregate query and no recount of the views then.
  if (pending.fromStage !== pending.toStage || activeQueryFilter()) void refreshSummaries();
  return result;
}

/** Move form: Confirm. Leaves the form open with the error when main refuses. */
export async function confirmMoveForm(extra: { patch?: LeadPatch; reason?: string }): Promise<AppError | null> {
  const pending = useBoard.getState().moveForm;
  if (!pending) return null;
  const result = await sendMove(pending, extra);
  if (!result.ok) return result.error;
  useBoard.setState({ moveForm: null });
  return null;
}

/** Move form: Cancel. The card goes back where it was; nothing is written. */
export function cancelMoveForm(): void {
  const pending = useBoard.getState().moveForm;
  if (!pending) return;
  useBoard.setState({ moveForm: null });
  rollbackCard(pending.leadId, pending.fromStage, pending.originalBeforeLeadId);
  void refreshSummaries();
}
