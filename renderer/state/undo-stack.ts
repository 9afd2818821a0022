/** One board action that Ctrl+Z (or the toast's Undo button) can reverse. */
export type UndoEntry =
  | {
      id: number;
      kind: 'move';
      leadId: number;
      leadName: string;
      fromStage: string;
      toStage: string;
      /** The card that sat just below the moved one before the drag; null when it was last. */
      beforeLeadId: number | null;
      /** Transition recorded by the move; null for a reorder inside one column. */
      transitionId: number | null;
    }
  | { id: number; kind: 'delete'; leadId: number; leadName: string }
  /** A bulk delete from the table: restored in one leads.bulk call. */
  | { id: number; kind: 'bulk-delete'; leadIds: number[]; label: string };

export type UndoEntryInput = UndoEntry extends infer E ? (E extends UndoEntry ? Omit<E, 'id'> : never) : never;

export const UNDO_LIMIT = 50;

let nextId = 1;

/** Pushes an action; the oldest ones fall off past the limit. */
export function pushUndo(stack: readonly UndoEntry[], entry: UndoEntryInput, limit = UNDO_LIMIT): { stack: UndoEntry[]; entry: UndoEntry } {
  const full = { ...entry, id: nextId++ } as UndoEntry;
  const next = [...stack, full];
  return { stack: next.length > limit ? next.slice(next.length - limit) : next, entry: full };
}

/** Takes the latest action off the stack. */
export function popUndo(stack: readonly UndoEntry[]): { stack: UndoEntry[]; entry: UndoEntry | null } {
  if (stack.length === 0) return { stack: [...stack], entry: null };
  return { stack: stack.slice(0, -1), entry: stack[stack.length - 1]! };
}

/** Takes one given action off the stack (the toast's Undo button). */
export function takeUndo(stack: readonly UndoEntry[], id: number): { stack: UndoEntry[]; entry: UndoEntry | null } {
  const entry = stack.find((e) => e.id === id) ?? null;
  return { stack: stack.filter((e) => e.id !== id), entry };
}

/**
 * Main only undoes a lead's latest transition. Once a move of a lead is undone, its earlier
 * stage changes can no longer be undone: drop them, keep everything else.
 */
export function dropStageMovesOf(stack: readonly UndoEntry[], leadId: number): UndoEntry[] {
  return stack.filter((e) => !(e.kind === 'move' && e.leadId === leadId && e.transitionId !== null));
}
