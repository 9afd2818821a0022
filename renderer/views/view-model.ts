import type { LeadFilter } from '../../shared/domain/filter.ts';
import type { SavedView, SortKey, ViewColumn } from '../../shared/domain/views.ts';
import { hasConditions, MY_LEADS_FILTER, sameConditions } from '../filters/filter-ops.ts';
import { DEFAULT_COLUMNS, DEFAULT_SORT } from '../state/workspace.ts';

export interface ViewState {
  filter: LeadFilter;
  columns: ViewColumn[];
  sort: SortKey[];
}

/** True when the seller changed the filter, the columns (order, widths) or the sort since picking the view. */
export function viewDiffers(view: Pick<SavedView, 'filter' | 'columns' | 'sort'>, state: ViewState): boolean {
  return (
    !sameConditions(view.filter, state.filter) ||
    JSON.stringify(view.columns) !== JSON.stringify(state.columns) ||
    JSON.stringify(view.sort) !== JSON.stringify(state.sort)
  );
}

/** Which sidebar entry is highlighted. */
export type SidebarPick = { kind: 'view'; id: number } | { kind: 'all' } | { kind: 'mine' } | { kind: 'none' };

export function sidebarPick(state: ViewState & { activeViewId: number | null }): SidebarPick {
  if (state.activeViewId !== null) return { kind: 'view', id: state.activeViewId };
  if (!hasConditions(state.filter)) return { kind: 'all' };
  if (sameConditions(state.filter, MY_LEADS_FILTER)) return { kind: 'mine' };
  return { kind: 'none' };
}

/** "Save as view" makes sense once something is narrowed or arranged. */
export function worthSaving(state: ViewState): boolean {
  return (
    hasConditions(state.filter) ||
    JSON.stringify(state.columns) !== JSON.stringify(DEFAULT_COLUMNS) ||
    JSON.stringify(state.sort) !== JSON.stringify(DEFAULT_SORT)
  );
}
