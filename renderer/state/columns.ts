import type { Lead } from '../../shared/domain/lead.ts';

export interface Cursor {
  position: string;
  id: number;
}

/** The cards of one column that are loaded so far, in board order, and where the next page starts. */
export interface ColumnCards {
  ids: number[];
  /** Keyset cursor of the next page; null once the end of the column is loaded. */
  next: Cursor | null;
  /** True once the first page arrived. */
  loaded: boolean;
  loading: boolean;
}

export type Columns = Record<string, ColumnCards>;

export const EMPTY_COLUMN: ColumnCards = { ids: [], next: null, loaded: false, loading: false };

export function findColumnOf(columns: Columns, leadId: number): string | null {
  for (const [stageKey, column] of Object.entries(columns)) {
    if (column.ids.includes(leadId)) return stageKey;
  }
  return null;
}

/** The card just below `leadId` in its column, or null when it is the last loaded card. */
export function neighbourBelow(columns: Columns, leadId: number): number | null {
  const stageKey = findColumnOf(columns, leadId);
  if (stageKey === null) return null;
  const ids = columns[stageKey]!.ids;
  return ids[ids.indexOf(leadId) + 1] ?? null;
}

export function removeCard(columns: Columns, leadId: number): Columns {
  let changed = false;
  const result: Columns = {};
  for (const [stageKey, column] of Object.entries(columns)) {
    if (column.ids.includes(leadId)) {
      changed = true;
      result[stageKey] = { ...column, ids: column.ids.filter((id) => id !== leadId) };
    } else {
      result[stageKey] = column;
    }
  }
  return changed ? result : columns;
}

/**
 * Puts the card in `stageKey` just above `beforeLeadId` (the contract's meaning of a move),
 * or at the end of the loaded cards when that lead is null or not in the column.
 */
export function placeCard(columns: Columns, leadId: number, stageKey: string, beforeLeadId: number | null): Columns {
  const without = removeCard(columns, leadId);
  const column = without[stageKey] ?? EMPTY_COLUMN;
  const ids = [...column.ids];
  const at = beforeLeadId === null ? -1 : ids.indexOf(beforeLeadId);
  if (at === -1) ids.push(leadId);
  else ids.splice(at, 0, leadId);
  return { ...without, [stageKey]: { ...column, ids } };
}

/** Board order: fractional-index position (plain code-unit comparison), then id. */
export function compareByPosition(a: Pick<Lead, 'position' | 'id'>, b: Pick<Lead, 'position' | 'id'>): number {
  if (a.position < b.position) return -1;
  if (a.position > b.position) return 1;
  return a.id - b.id;
}

/**
 * Puts a lead (created, restored, or rolled back) where its position says among the loaded
 * cards. When it sorts after the last loaded card and more pages remain, it is left out:
 * it will come with a later page.
 */
export function insertByPosition(columns: Columns, lead: Lead, leads: Record<number, Lead>): Columns {
  const without = removeCard(columns, lead.id);
  const column = without[lead.stageKey] ?? EMPTY_COLUMN;
  const ids = [...column.ids];
  const at = ids.findIndex((id) => {
    const other = leads[id];
    return other !== undefined && compareByPosition(lead, other) < 0;
  });
  if (at === -1) {
    if (column.next !== null) return without;
    ids.push(lead.id);
  } else {
    ids.splice(at, 0, lead.id);
  }
  return { ...without, [lead.stageKey]: { ...column, ids } };
}

/**
 * Appends a page from `board.cards`. A card already shown elsewhere on the board (an
 * optimistic drop at the end of a partly loaded column) moves to where the server puts it.
 */
export function appendPage(columns: Columns, stageKey: string, cardIds: number[], next: Cursor | null, replace: boolean): Columns {
  const incoming = new Set(cardIds);
  let result = columns;
  for (const id of cardIds) result = removeCard(result, id);
  const column = result[stageKey] ?? EMPTY_COLUMN;
  const kept = replace ? [] : column.ids.filter((id) => !incoming.has(id));
  return { ...result, [stageKey]: { ids: [...kept, ...cardIds], next, loaded: true, loading: false } };
}
