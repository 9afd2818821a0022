import { describe, expect, it } from 'vitest';
import { EXAMPLE_PROSPECT_FILTER } from '../../../shared/domain/filter.ts';
import {
  bulkTarget,
  hasSelection,
  headerState,
  isSelected,
  NO_SELECTION,
  rangeBounds,
  selectAllMatching,
  selectedCount,
  selectRange,
  toggleRow,
  withoutIds,
  type Selection,
} from '../../../renderer/table/selection.ts';

const ids = (s: Selection) => (s.kind === 'ids' ? [...s.ids].sort((a, b) => a - b) : 'all');

describe('row selection', () => {
  it('toggles single rows and remembers the anchor', () => {
    let s = toggleRow(NO_SELECTION, 11, 0, () => []);
    s = toggleRow(s, 14, 3, () => []);
    expect(ids(s)).toEqual([11, 14]);
    expect(s).toMatchObject({ anchor: 3 });
    s = toggleRow(s, 11, 0, () => []);
    expect(ids(s)).toEqual([14]);
    expect(hasSelection(NO_SELECTION)).toBe(false);
  });

  it('Shift+click ticks the range from the anchor, both ends included, in either direction', () => {
    const s = toggleRow(NO_SELECTION, 105, 5, () => []);
    expect(rangeBounds(s, 2)).toEqual({ start: 2, end: 5 });
    expect(rangeBounds(s, 9)).toEqual({ start: 5, end: 9 });
    const ranged = selectRange(s, 9, 109, [105, 106, 107, 108, 109]);
    expect(ids(ranged)).toEqual([105, 106, 107, 108, 109]);
    expect(ranged).toMatchObject({ anchor: 5 });
  });

  it('Shift+click on a ticked row unticks the range', () => {
    let s = toggleRow(NO_SELECTION, 1, 0, () => []);
    s = selectRange(s, 3, 4, [1, 2, 3, 4]);
    s = toggleRow(s, 2, 1, () => []); // untick 2, anchor at row 1
    s = selectRange(s, 3, 4, [2, 3, 4]);
    expect(ids(s)).toEqual([1]);
  });

  it('without an anchor, Shift+click is a plain click', () => {
    expect(ids(selectRange(NO_SELECTION, 4, 40, [40]))).toEqual([40]);
  });

  it('"Select all N matching" targets the filter, not a list of ids', () => {
    const all = selectAllMatching();
    expect(isSelected(all, 123_456)).toBe(true);
    expect(selectedCount(all, 87_000)).toBe(87_000);
    expect(bulkTarget(all, EXAMPLE_PROSPECT_FILTER)).toEqual({ filter: EXAMPLE_PROSPECT_FILTER });
    const some = toggleRow(toggleRow(NO_SELECTION, 3, 0, () => []), 8, 1, () => []);
    expect(bulkTarget(some, EXAMPLE_PROSPECT_FILTER)).toEqual({ ids: [3, 8] });
  });

  it('unticking one row of "all matching" keeps the loaded rows but that one', () => {
    const s = toggleRow(selectAllMatching(), 2, 1, () => [1, 2, 3]);
    expect(ids(s)).toEqual([1, 3]);
  });

  it('shows the header checkbox as empty, mixed or full', () => {
    expect(headerState(NO_SELECTION, 10)).toBe('none');
    expect(headerState(toggleRow(NO_SELECTION, 1, 0, () => []), 10)).toBe('some');
    expect(headerState(selectAllMatching(), 10)).toBe('all');
    expect(headerState(selectAllMatching(), 0)).toBe('none');
  });

  it('forgets deleted leads', () => {
    const s = toggleRow(toggleRow(NO_SELECTION, 3, 0, () => []), 8, 1, () => []);
    expect(ids(withoutIds(s, [3]))).toEqual([8]);
    expect(withoutIds(selectAllMatching(), [3])).toEqual(selectAllMatching());
  });
});
