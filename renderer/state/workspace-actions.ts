import { api } from '../api/index.ts';
import { EMPTY_FILTER, type LeadFilter } from '../../shared/domain/filter.ts';
import type { SavedView, SortKey, ViewColumn } from '../../shared/domain/views.ts';
import type { Result } from '../../shared/ipc/result.ts';
import { MY_LEADS_FILTER } from '../filters/filter-ops.ts';
import { applyFilterToBoard } from './board-actions.ts';
import { scheduleCountsRefresh } from './counts.ts';
import { showError, showToast } from './toasts.ts';
import { storeMode, useWorkspace, type Mode, type SettingsTab } from './workspace.ts';

function filterChanged(): void {
  void applyFilterToBoard();
}

export function setMode(mode: Mode): void {
  if (useWorkspace.getState().mode === mode) return;
  storeMode(mode);
  useWorkspace.setState({ mode });
}

/** New conditions from the filter bar; the view stays picked (and shows "Update view"). */
export function setConditions(filter: LeadFilter): void {
  useWorkspace.setState({ filter: { all: filter.all } });
  filterChanged();
}

export function setSearch(search: string): void {
  if (useWorkspace.getState().search === search) return;
  useWorkspace.setState({ search });
  filterChanged();
}

/** "Clear": no conditions and no search. */
export function clearFilter(): void {
  useWorkspace.setState({ filter: EMPTY_FILTER, search: '' });
  filterChanged();
}

export function setColumns(columns: ViewColumn[]): void {
  useWorkspace.setState({ columns });
}

export function setSort(sort: SortKey[]): void {
  useWorkspace.setState({ sort });
}

/** A saved view: its filter, columns (with widths) and sort, all at once. */
export function applyView(view: SavedView): void {
  useWorkspace.setState({ activeViewId: view.id, filter: view.filter, columns: view.columns, sort: view.sort, search: '' });
  filterChanged();
}

export function showAllLeads(): void {
  useWorkspace.setState({ activeViewId: null, filter: EMPTY_FILTER, search: '' });
  filterChanged();
}

export function showMyLeads(): void {
  useWorkspace.setState({ activeViewId: null, filter: MY_LEADS_FILTER, search: '' });
  filterChanged();
}

export function loadViews(): void {
  scheduleCountsRefresh();
}

function currentViewBody() {
  const { filter, columns, sort } = useWorkspace.getState();
  return { filter: { all: filter.all }, columns, sort };
}

/** "Save as view": a new view of the current filter, columns and sort; it becomes the picked one. */
export async function saveViewAs(name: string): Promise<Result<SavedView>> {
  const result = await api['views.save']({ name, ...currentViewBody() });
  if (!result.ok) return result;
  useWorkspace.setState((s) => ({ activeViewId: result.value.id, views: [...s.views, { ...result.value, count: 0 }] }));
  showToast({ tone: 'info', message: `View “${result.value.name}” saved` });
  scheduleCountsRefresh();
  return result;
}

/** "Update view": the picked view takes the current filter, columns and sort. */
export async function updateActiveView(): Promise<void> {
  const { activeViewId, views } = useWorkspace.getState();
  const view = views.find((v) => v.id === activeViewId);
  if (!view) return;
  const result = await api['views.save']({ id: view.id, name: view.name, ...currentViewBody() });
  if (!result.ok) {
    showError(`Could not update “${view.name}”: ${result.error.message}`);
    return;
  }
  replaceView(result.value);
  showToast({ tone: 'info', message: `View “${view.name}” updated` });
  scheduleCountsRefresh();
}

function replaceView(saved: SavedView): void {
  useWorkspace.setState((s) => ({ views: s.views.map((v) => (v.id === saved.id ? { ...saved, count: v.count } : v)) }));
}

export async function renameView(view: SavedView, name: string): Promise<Result<SavedView>> {
  const result = await api['views.save']({ id: view.id, name, filter: view.filter, columns: view.columns, sort: view.sort });
  if (result.ok) replaceView(result.value);
  return result;
}

export async function deleteView(view: SavedView): Promise<Result<{ id: number }>> {
  const result = await api['views.delete']({ id: view.id });
  if (!result.ok) return result;
  useWorkspace.setState((s) => ({
    views: s.views.filter((v) => v.id !== view.id),
    activeViewId: s.activeViewId === view.id ? null : s.activeViewId,
  }));
  showToast({ tone: 'info', message: `View “${view.name}” deleted` });
  scheduleCountsRefresh();
  return result;
}

export function openSettings(tab: SettingsTab = 'team'): void {
  useWorkspace.setState({ settingsOpen: true, settingsTab: tab });
}

export function setSettingsTab(tab: SettingsTab): void {
  useWorkspace.setState({ settingsTab: tab });
}

export function closeSettings(): void {
  useWorkspace.setState({ settingsOpen: false });
}
