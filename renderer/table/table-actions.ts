import { api } from '../api/index.ts';
import { pageCache, setSelection, tableQuery, useTableData } from './table-data.ts';
import { rangeBounds, selectAllMatching, selectRange, toggleRow, NO_SELECTION } from './selection.ts';
import type { Lead } from '../../shared/domain/lead.ts';
import { showError } from '../state/toasts.ts';

const CHUNK = 1000;

/** The ids of rows start..end: from the cache when loaded, else asked from main in chunks. */
export async function idsBetween(start: number, end: number): Promise<number[] | null> {
  const cached = pageCache.idsBetween(start, end);
  if (cached.every((id) => id !== undefined)) return cached as number[];
  const { filter, sort } = tableQuery();
  const ids: number[] = [];
  for (let offset = start; offset <= end; offset += CHUNK) {
    const limit = Math.min(CHUNK, end - offset + 1);
    const result = await api['leads.query']({ filter, sort, offset, limit });
    if (!result.ok) {
      showError(`Could not select those rows: ${result.error.message}`);
      return null;
    }
    ids.push(...result.value.rows.map((row) => row.id));
  }
  return ids;
}

/** A row's checkbox: a plain click toggles it; Shift+click ticks (or unticks) the whole range from the last click. */
export async function checkRow(index: number, lead: Lead, shiftKey: boolean): Promise<void> {
  const selection = useTableData.getState().selection;
  if (shiftKey && selection.kind === 'ids' && selection.anchor !== null) {
    const { start, end } = rangeBounds(selection, index);
    const ids = await idsBetween(start, end);
    if (!ids) return;
    setSelection(selectRange(useTableData.getState().selection, index, lead.id, ids));
    return;
  }
  setSelection(toggleRow(selection, lead.id, index, () => pageCache.loadedLeads().map((l) => l.id)));
}

/** The header checkbox: selects every matching lead, or clears the selection. */
export function toggleAll(): void {
  const { selection } = useTableData.getState();
  const none = selection.kind === 'ids' && selection.ids.size === 0;
  setSelection(none ? selectAllMatching() : NO_SELECTION);
}
