import { api } from '../api/index.ts';
import { leadDisplayName, type Lead } from '../../shared/domain/lead.ts';
import type { LeadPatch } from '../../shared/ipc/schemas.ts';
import type { Result } from '../../shared/ipc/result.ts';
import { insertByPosition, removeCard } from './columns.ts';
import { refreshSummaries } from './board-actions.ts';
import { useBoard } from './store.ts';
import { showError, showToast } from './toasts.ts';
import { pushUndo } from './undo-stack.ts';
import { emitLeadEvent } from './lead-events.ts';

/** Opens the lead panel; a lead the caller already holds (a table row) shows at once. */
export function openLead(leadId: number, lead?: Lead): void {
  useBoard.setState((s) => ({
    panel: { mode: 'edit', leadId },
    leads: lead && !s.leads[leadId] ? { ...s.leads, [leadId]: lead } : s.leads,
  }));
}

export function openNewLead(stageKey?: string): void {
  const stages = useBoard.getState().stages;
  const key = stageKey ?? [...stages].sort((a, b) => a.position - b.position)[0]?.key;
  if (key) useBoard.setState({ panel: { mode: 'new', stageKey: key } });
}

export function closePanel(): void {
  useBoard.setState({ panel: null });
}

function storeLead(lead: Lead): void {
  useBoard.setState((s) => {
    const leads = { ...s.leads, [lead.id]: lead };
    return { leads, columns: insertByPosition(s.columns, lead, leads) };
  });
}

export async function createLead(fields: LeadPatch, stageKey: string): Promise<Result<Lead>> {
  const result = await api['leads.create']({ fields, stageKey });
  if (!result.ok) return result;
  storeLead(result.value);
  emitLeadEvent({ kind: 'changed' });
  useBoard.setState({ panel: { mode: 'edit', leadId: result.value.id } });
  showToast({ tone: 'info', message: `${leadDisplayName(result.value)} added` });
  void refreshSummaries();
  return result;
}

export async function updateLead(id: number, patch: LeadPatch): Promise<Result<Lead>> {
  const result = await api['leads.update']({ id, patch });
  if (!result.ok) return result;
  const lead = result.value;
  useBoard.setState((s) => ({ leads: { ...s.leads, [lead.id]: lead } }));
  emitLeadEvent({ kind: 'saved', lead });
  showToast({ tone: 'info', message: `${leadDisplayName(lead)} saved` });
  void refreshSummaries();
  return result;
}

/** Soft delete; undoable from the toast and with Ctrl+Z. */
export async function deleteLead(id: number): Promise<boolean> {
  const lead = useBoard.getState().leads[id];
  const name = lead ? leadDisplayName(lead) : 'Lead';
  const result = await api['leads.delete']({ id });
  if (!result.ok) {
    showError(`Could not delete ${name}: ${result.error.message}`);
    return false;
  }
  const { stack, entry } = pushUndo(useBoard.getState().undo, { kind: 'delete', leadId: id, leadName: name });
  useBoard.setState((s) => ({
    columns: removeCard(s.columns, id),
    leads: lead ? { ...s.leads, [id]: { ...lead, deletedAt: Date.now() } } : s.leads,
    undo: stack,
    panel: null,
  }));
  emitLeadEvent({ kind: 'removed', id });
  showToast({ tone: 'info', message: `${name} deleted`, undoEntryId: entry.id });
  void refreshSummaries();
  return true;
}
