import { describe, expect, it } from 'vitest';
import { dropStageMovesOf, popUndo, pushUndo, takeUndo, type UndoEntry } from '../../../renderer/state/undo-stack.ts';

const leadOf = (e: UndoEntry) => ('leadId' in e ? e.leadId : null);

const move = (leadId: number, transitionId: number | null) =>
  ({ kind: 'move', leadId, leadName: `Lead ${leadId}`, fromStage: 'mql', toStage: 'sql', beforeLeadId: null, transitionId }) as const;

describe('undo stack', () => {
  it('undoes the latest action first', () => {
    let stack: UndoEntry[] = [];
    stack = pushUndo(stack, move(1, 10)).stack;
    stack = pushUndo(stack, { kind: 'delete', leadId: 2, leadName: 'Lead 2' }).stack;
    const first = popUndo(stack);
    expect(first.entry).toMatchObject({ kind: 'delete', leadId: 2 });
    const second = popUndo(first.stack);
    expect(second.entry).toMatchObject({ kind: 'move', leadId: 1, transitionId: 10 });
    expect(popUndo(second.stack)).toEqual({ stack: [], entry: null });
  });

  it('gives every entry its own id and forgets the oldest past the limit', () => {
    let stack: UndoEntry[] = [];
    for (let i = 1; i <= 5; i++) stack = pushUndo(stack, move(i, i), 3).stack;
    expect(stack.map(leadOf)).toEqual([3, 4, 5]);
    expect(new Set(stack.map((e) => e.id)).size).toBe(3);
  });

  it('takes one given entry out (the toast Undo button)', () => {
    let stack: UndoEntry[] = [];
    stack = pushUndo(stack, move(1, 10)).stack;
    const { stack: withTwo, entry } = pushUndo(stack, move(2, 11));
    stack = pushUndo(withTwo, move(3, 12)).stack;
    const taken = takeUndo(stack, entry.id);
    expect((taken.entry && leadOf(taken.entry))).toBe(2);
    expect(taken.stack.map(leadOf)).toEqual([1, 3]);
    expect(takeUndo(stack, 999).entry).toBeNull();
  });

  it('drops the earlier stage changes of a lead once one of its moves is undone', () => {
    let stack: UndoEntry[] = [];
    stack = pushUndo(stack, move(1, 10)).stack;
    stack = pushUndo(stack, move(1, null)).stack;
    stack = pushUndo(stack, move(2, 11)).stack;
    stack = pushUndo(stack, { kind: 'delete', leadId: 1, leadName: 'Lead 1' }).stack;
    expect(dropStageMovesOf(stack, 1).map((e) => [e.kind, leadOf(e)])).toEqual([
      ['move', 1],
      ['move', 2],
      ['delete', 1],
    ]);
  });
});

describe('bulk delete undo entry', () => {
  it('keeps the ids of every deleted lead', () => {
    const { entry } = pushUndo([], { kind: 'bulk-delete', leadIds: [4, 5, 6], label: '3 leads' });
    expect(entry).toMatchObject({ kind: 'bulk-delete', leadIds: [4, 5, 6], label: '3 leads' });
    // Stage-move pruning leaves it alone.
    expect(dropStageMovesOf([entry], 4)).toEqual([entry]);
  });
});
