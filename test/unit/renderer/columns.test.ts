import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/lead.ts';
import { makeLead } from './fixtures.ts';
import {
  appendPage,
  compareByPosition,
  findColumnOf,
  insertByPosition,
  neighbourBelow,
  placeCard,
  removeCard,
  type Columns,
} from '../../../renderer/state/columns.ts';

const col = (ids: number[], next: Columns[string]['next'] = null): Columns[string] => ({ ids, next, loaded: true, loading: false });

function lead(id: number, stageKey: string, position: string): Lead {
  return makeLead({ id, stageKey, position });
}

describe('columns', () => {
  const board: Columns = { mql: col([1, 2, 3]), sql: col([4, 5]) };

  it('finds a card and the card just below it', () => {
    expect(findColumnOf(board, 5)).toBe('sql');
    expect(findColumnOf(board, 9)).toBeNull();
    expect(neighbourBelow(board, 1)).toBe(2);
    expect(neighbourBelow(board, 3)).toBeNull();
    expect(neighbourBelow(board, 9)).toBeNull();
  });

  it('places a card above a lead, or at the end', () => {
    expect(placeCard(board, 1, 'sql', 5)).toMatchObject({ mql: { ids: [2, 3] }, sql: { ids: [4, 1, 5] } });
    expect(placeCard(board, 1, 'sql', null).sql!.ids).toEqual([4, 5, 1]);
    // A neighbour that is not in that column: the end.
    expect(placeCard(board, 1, 'sql', 2).sql!.ids).toEqual([4, 5, 1]);
    // Reorder inside one column.
    expect(placeCard(board, 3, 'mql', 1).mql!.ids).toEqual([3, 1, 2]);
    // The input is never changed.
    expect(board.mql!.ids).toEqual([1, 2, 3]);
  });

  it('removes a card and keeps the same object when it is not there', () => {
    expect(removeCard(board, 2).mql!.ids).toEqual([1, 3]);
    expect(removeCard(board, 42)).toBe(board);
  });

  it('orders by fractional position, then id (plain code-unit order, as SQLite BINARY)', () => {
    expect(compareByPosition({ position: 'a0', id: 2 }, { position: 'a1', id: 1 })).toBeLessThan(0);
    expect(compareByPosition({ position: 'Zz', id: 1 }, { position: 'a0', id: 1 })).toBeLessThan(0);
    expect(compareByPosition({ position: 'a0', id: 2 }, { position: 'a0', id: 1 })).toBeGreaterThan(0);
  });

  it('inserts a restored or created lead where its position says', () => {
    const leads = { 1: lead(1, 'mql', 'a0'), 2: lead(2, 'mql', 'a2'), 3: lead(3, 'mql', 'a4') };
    expect(insertByPosition(board, lead(7, 'mql', 'a3'), leads).mql!.ids).toEqual([1, 2, 7, 3]);
    expect(insertByPosition(board, lead(7, 'mql', 'a5'), leads).mql!.ids).toEqual([1, 2, 3, 7]);
    // Past the loaded cards of a longer column: it will come with a later page.
    const partial: Columns = { mql: col([1, 2, 3], { position: 'a4', id: 3 }) };
    expect(insertByPosition(partial, lead(7, 'mql', 'a5'), leads).mql!.ids).toEqual([1, 2, 3]);
  });

  it('appends pages, and a card shown elsewhere moves to where the server puts it', () => {
    const next = { position: 'b0', id: 9 };
    const first = appendPage({ mql: { ids: [], next: null, loaded: false, loading: true } }, 'mql', [1, 2], next, true);
    expect(first.mql).toEqual({ ids: [1, 2], next, loaded: true, loading: false });
    const optimistic = placeCard(first, 8, 'mql', null);
    const second = appendPage(optimistic, 'mql', [3, 8, 4], null, false);
    expect(second.mql!.ids).toEqual([1, 2, 3, 8, 4]);
    expect(second.mql!.next).toBeNull();
    // A reset replaces what was loaded.
    expect(appendPage(second, 'mql', [4], null, true).mql!.ids).toEqual([4]);
  });
});
