import type { LeadFilter } from '../../shared/domain/filter.ts';

/**
 * Which rows are selected: some leads by id (with the anchor of Shift+click ranges), or every lead
 * matching the filter ("Select all N matching"), which targets the filter itself, never a list of ids.
 */
export type Selection = { kind: 'ids'; ids: ReadonlySet<number>; anchor: number | null } | { kind: 'all' };

export const NO_SELECTION: Selection = { kind: 'ids', ids: new Set(), anchor: null };

export function isSelected(selection: Selection, id: number): boolean {
  return selection.kind === 'all' || selection.ids.has(id);
}

export function selectedCount(selection: Selection, total: number): number {
  return selection.kind === 'all' ? total : selection.ids.size;
}

export function hasSelection(selection: Selection): boolean {
  return selection.kind === 'all' || selection.ids.size > 0;
}

/**
 * A plain click on a row's checkbox. From "all matching", unticking one row leaves the loaded rows
 * ticked but that one (the rest of the matching leads are not loaded, so they cannot be listed).
 */
export function toggleRow(selection: Selection, id: number, index: number, loadedIds: () => number[]): Selection {
  if (selection.kind === 'all') {
    const ids = new Set(loadedIds());
    ids.delete(id);
    return { kind: 'ids', ids, anchor: index };
  }
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { kind: 'ids', ids, anchor: index };
}

/** The rows a Shift+click spans: from the anchor to the clicked row, both included. */
export function rangeBounds(selection: Selection, index: number): { start: number; end: number } {
  const anchor = selection.kind === 'ids' && selection.anchor !== null ? selection.anchor : index;
  return { start: Math.min(anchor, index), end: Math.max(anchor, index) };
}

/**
 * Shift+click: the rows between the anchor and `index` take the clicked row's new state (ticked
 * when it was not). `idsInRange` are the ids of those rows, all loaded (the caller fetches them first).
 */
export function selectRange(selection: Selection, index: number, clickedId: number, idsInRange: readonly number[]): Selection {
  if (selection.kind === 'all') return selection;
  if (selection.anchor === null) return toggleRow(selection, clickedId, index, () => []);
  const tick = !selection.ids.has(clickedId);
  const ids = new Set(selection.ids);
  for (const id of idsInRange) {
    if (tick) ids.add(id);
    else ids.delete(id);
  }
  return { kind: 'ids', ids, anchor: selection.anchor };
}

export function selectAllMatching(): Selection {
  return { kind: 'all' };
}

/** The header checkbox: checked, mixed or empty. */
export function headerState(selection: Selection, total: number): 'all' | 'some' | 'none' {
  if (selection.kind === 'all') return total > 0 ? 'all' : 'none';
  if (selection.ids.size === 0) return 'none';
  return selection.ids.size >= total ? 'all' : 'some';
}

/** What `leads.bulk` acts on: the ids, or the filter when every matching lead is selected. */
export function bulkTarget(selection: Selection, filter: LeadFilter): { ids: number[] } | { filter: LeadFilter } {
  if (selection.kind === 'all') return { filter };
  return { ids: [...selection.ids] };
}

/** Drops ids that are gone (deleted leads). */
export function withoutIds(selection: Selection, gone: readonly number[]): Selection {
  if (selection.kind === 'all' || gone.length === 0) return selection;
  const ids = new Set(selection.ids);
  for (const id of gone) ids.delete(id);
  return { ...selection, ids };
}
