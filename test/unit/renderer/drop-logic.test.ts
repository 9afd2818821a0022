import { describe, expect, it } from 'vitest';
import {
  beforeLeadIdAfterDrop,
  columnDroppableId,
  containerOf,
  moveAcrossColumns,
  reorderInColumn,
  stageOfColumnId,
} from '../../../renderer/board/drop-logic.ts';
import type { Columns } from '../../../renderer/state/columns.ts';

const col = (ids: number[]): Columns[string] => ({ ids, next: null, loaded: true, loading: false });

describe('drop logic', () => {
  const board: Columns = { awareness: col([1, 2, 3]), mql: col([4, 5]), sql: col([]) };

  it('tells column droppables from cards', () => {
    expect(stageOfColumnId(columnDroppableId('sql'))).toBe('sql');
    expect(stageOfColumnId(5)).toBeNull();
    expect(containerOf(board, columnDroppableId('sql'))).toBe('sql');
    expect(containerOf(board, 5)).toBe('mql');
    expect(containerOf(board, columnDroppableId('nope'))).toBeNull();
  });

  it('beforeLeadId is the card just below the dropped one, null at the bottom', () => {
    expect(beforeLeadIdAfterDrop([4, 1, 5], 1)).toBe(5);
    expect(beforeLeadIdAfterDrop([4, 5, 1], 1)).toBeNull();
    expect(beforeLeadIdAfterDrop([1], 1)).toBeNull();
    expect(beforeLeadIdAfterDrop([4, 5], 1)).toBeNull();
  });

  it('while dragging over another column, joins it above or below the hovered card', () => {
    expect(moveAcrossColumns(board, 1, 5, false).mql!.ids).toEqual([4, 1, 5]);
    expect(moveAcrossColumns(board, 1, 5, true).mql!.ids).toEqual([4, 5, 1]);
    expect(moveAcrossColumns(board, 1, 4, true).mql!.ids).toEqual([4, 1, 5]);
    expect(moveAcrossColumns(board, 1, 4, false).awareness!.ids).toEqual([2, 3]);
    // Over an (empty) column: at its end.
    expect(moveAcrossColumns(board, 1, columnDroppableId('sql'), false).sql!.ids).toEqual([1]);
    // Over its own column: nothing changes (sortable animates that).
    expect(moveAcrossColumns(board, 1, 2, false)).toBe(board);
  });

  it('on drop inside a column, takes the place of the card it is over', () => {
    expect(reorderInColumn(board, 3, 1).awareness!.ids).toEqual([3, 1, 2]);
    expect(reorderInColumn(board, 1, 3).awareness!.ids).toEqual([2, 3, 1]);
    expect(reorderInColumn(board, 1, 1)).toBe(board);
    expect(reorderInColumn(board, 1, 4)).toBe(board);
    expect(reorderInColumn(board, 1, columnDroppableId('awareness'))).toBe(board);
  });
});
