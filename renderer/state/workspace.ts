import { create } from 'zustand';
import { LEAD_ATTRIBUTES } from '../../shared/domain/lead-attributes.ts';
import { EMPTY_FILTER, type LeadFilter } from '../../shared/domain/filter.ts';
import type { SavedViewWithCount, SortKey, ViewColumn } from '../../shared/domain/views.ts';

export type Mode = 'board' | 'table';

export type SettingsTab = 'team' | 'scoring' | 'reasons' | 'imports';

/**
 * What the seller is looking at: board or table, the filter and quick search that apply to both,
 * the table's columns and sort, and the saved views of the sidebar.
 */
export interface WorkspaceState {
  mode: Mode;
  /** The conditions (AND entries, OR groups). The quick search is kept apart: it is not saved in views. */
  filter: LeadFilter;
  /** Quick search as applied (the box debounces what is typed). */
  search: string;
  columns: ViewColumn[];
  sort: SortKey[];
  /** The saved view picked in the sidebar; its filter, columns and sort may have been changed since. */
  activeViewId: number | null;
  views: SavedViewWithCount[];
  viewsLoaded: boolean;
  viewsError: string | null;
  /** Sidebar counts of "All leads" and "My leads". */
  counts: { all: number | null; mine: number | null };
  settingsOpen: boolean;
  /** The Settings section shown when it opens. */
  settingsTab: SettingsTab;
}

export const DEFAULT_COLUMNS: ViewColumn[] = LEAD_ATTRIBUTES.filter((a) => a.defaultColumn).map((a) => ({ key: a.key, width: null }));
export const DEFAULT_SORT: SortKey[] = [];

const MODE_KEY = 'voronka-mode';

export function storedMode(): Mode {
  try {
    return globalThis.localStorage?.getItem(MODE_KEY) === 'table' ? 'table' : 'board';
  } catch {
    return 'board';
  }
}

export function storeMode(mode: Mode): void {
  try {
    globalThis.localStorage?.setItem(MODE_KEY, mode);
  } catch {
    // Storage can be disabled; the mode still switches for this session.
  }
}

export const initialWorkspace: WorkspaceState = {
  mode: 'board',
  filter: EMPTY_FILTER,
  search: '',
  columns: DEFAULT_COLUMNS,
  sort: DEFAULT_SORT,
  activeViewId: null,
  views: [],
  viewsLoaded: false,
  viewsError: null,
  counts: { all: null, mine: null },
  settingsOpen: false,
  settingsTab: 'team',
};

export const useWorkspace = create<WorkspaceState>()(() => ({ ...initialWorkspace, mode: storedMode() }));
