import { api } from '../api/index.ts';
import type { TeamMember, TeamRole } from '../../shared/domain/history.ts';
import type { ReasonKind } from '../../shared/domain/reasons.ts';
import type { Result } from '../../shared/ipc/result.ts';
import { applyFilterToBoard } from '../state/board-actions.ts';
import { emitLeadEvent } from '../state/lead-events.ts';
import { useBoard } from '../state/store.ts';
import { showToast } from '../state/toasts.ts';

/** Owner names on cards and rows, and "me" in filters, may read differently now: re-read the leads. */
function leadsChanged(): void {
  emitLeadEvent({ kind: 'changed' });
  void applyFilterToBoard();
}

export const ROLE_LABELS: Record<TeamRole, string> = { marketing: 'Marketing', sdr: 'SDR', account_executive: 'Account executive' };

export interface MemberInput {
  name: string;
  email: string;
  role: TeamRole;
}

export async function addMember(input: MemberInput): Promise<Result<TeamMember>> {
  const result = await api['team.add'](input);
  if (result.ok) {
    useBoard.setState((s) => ({ team: [...s.team, result.value] }));
    showToast({ tone: 'info', message: `${result.value.name} joined the team` });
  }
  return result;
}

export async function updateMember(id: number, input: MemberInput): Promise<Result<TeamMember>> {
  const result = await api['team.update']({ id, ...input });
  if (result.ok) {
    useBoard.setState((s) => ({ team: s.team.map((m) => (m.id === id ? result.value : m)) }));
    showToast({ tone: 'info', message: `${result.value.name} saved` });
    leadsChanged();
  }
  return result;
}

/** "I am": whose name goes on every move and note made in this copy of the app. */
export async function setCurrentMember(id: number): Promise<Result<unknown>> {
  const result = await api['settings.setCurrentMember']({ id });
  if (result.ok) {
    useBoard.setState({ info: result.value });
    const name = useBoard.getState().team.find((m) => m.id === id)?.name ?? 'You';
    showToast({ tone: 'info', message: `Moves and notes are now recorded as ${name}` });
    leadsChanged();
  }
  return result;
}

export async function addReason(kind: ReasonKind, label: string): Promise<Result<unknown>> {
  const result = await api['reasons.add']({ kind, label });
  if (result.ok) useBoard.setState((s) => ({ reasons: [...s.reasons, result.value] }));
  return result;
}

export async function removeReason(id: number): Promise<Result<unknown>> {
  const result = await api['reasons.remove']({ id });
  if (result.ok) useBoard.setState((s) => ({ reasons: s.reasons.filter((r) => r.id !== id) }));
  return result;
}
