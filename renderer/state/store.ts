import { create } from 'zustand';
import type { Stage } from '../../shared/domain/stage.ts';
import type { Lead } from '../../shared/domain/lead.ts';
import type { TeamMember } from '../../shared/domain/history.ts';
import type { Reason } from '../../shared/domain/reasons.ts';
import type { Requirement } from '../../shared/domain/stage-rules.ts';
import type { AppInfo, ColumnSummary } from '../../shared/ipc/contract.ts';
import type { Columns } from './columns.ts';
import type { UndoEntry } from './undo-stack.ts';

/** A drop that needs data first: the card already sits in its new place while the move form is open. */
export interface PendingMove {
  leadId: number;
  fromStage: string;
  toStage: string;
  beforeLeadId: number | null;
  /** Where the card was before the drag, for Cancel and for Ctrl+Z. */
  originalBeforeLeadId: number | null;
  requirements: Requirement[];
}

export type PanelState = null | { mode: 'edit'; leadId: number } | { mode: 'new'; stageKey: string };

export interface Toast {
  id: number;
  tone: 'info' | 'error';
  message: string;
  /** Shows an Undo button that reverses this action. */
  undoEntryId?: number;
}

/** Where the dragged card started. */
export interface DragOrigin {
  leadId: number;
  fromStage: string;
  beforeLeadId: number | null;
}

export interface BoardState {
  phase: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  info: AppInfo | null;
  stages: Stage[];
  team: TeamMember[];
  reasons: Reason[];
  summaries: Record<string, ColumnSummary>;
  columns: Columns;
  leads: Record<number, Lead>;
  panel: PanelState;
  moveForm: PendingMove | null;
  toasts: Toast[];
  undo: UndoEntry[];
  drag: DragOrigin | null;
  /**
   * The column the pointer or the keyboard focus last entered: its cards are dnd-kit sortables,
   * ready to be picked up (see Column). Null until the seller reaches for one.
   */
  liveStage: string | null;
  demoLoading: boolean;
}

export const initialBoardState: BoardState = {
  phase: 'loading',
  loadError: null,
  info: null,
  stages: [],
  team: [],
  reasons: [],
  summaries: {},
  columns: {},
  leads: {},
  panel: null,
  moveForm: null,
  toasts: [],
  undo: [],
  drag: null,
  liveStage: null,
  demoLoading: false,
};

export const useBoard = create<BoardState>()(() => initialBoardState);

export function stageByKey(stages: readonly Stage[], key: string): Stage | undefined {
  return stages.find((stage) => stage.key === key);
}

/** Total leads on the board, from the SQL aggregates. */
export function totalLeadCount(summaries: Record<string, ColumnSummary>): number {
  return Object.values(summaries).reduce((sum, summary) => sum + summary.count, 0);
}
