import { create } from 'zustand';
import { api } from '../api/index.ts';
import { queryFilter } from '../filters/filter-ops.ts';
import { onLeadEvent } from '../state/lead-events.ts';
import { useWorkspace } from '../state/workspace.ts';
import { PageCache } from './page-cache.ts';
import { NO_SELECTION, withoutIds, type Selection } from './selection.ts';

/** Rows per `leads.query` request. */
export const TABLE_PAGE_SIZE = 100;

interface TableData {
  /** Bumped whenever rows arrive or change. */
  version: number;
  total: number | null;
  loading: boolean;
  error: string | null;
  selection: Selection;
}

export const useTableData = create<TableData>()(() => ({ version: 0, total: null, loading: false, error: null, selection: NO_SELECTION }));

export const pageCache = new PageCache({
  pageSize: TABLE_PAGE_SIZE,
  maxPages: 20,
  onChange: () =>
    useTableData.setState({
      version: pageCache.version,
      total: pageCache.total,
      loading: pageCache.isLoading(),
      error: pageCache.error,
    }),
});

/** The query the cached rows belong to. */
let cachedKey: string | null = null;

export function tableQuery() {
  const { filter, search, sort } = useWorkspace.getState();
  return { filter: queryFilter(filter, search), sort };
}

/** Starts over when the filter, the search or the sort changed; a new filter also clears the selection. */
export function syncTableQuery(): void {
  const query = tableQuery();
  const key = JSON.stringify(query);
  if (key === cachedKey) return;
  const filterChanged = cachedKey === null || JSON.stringify(JSON.parse(cachedKey).filter) !== JSON.stringify(query.filter);
  cachedKey = key;
  if (filterChanged) useTableData.setState({ selection: NO_SELECTION });
  pageCache.reset();
}

/** Loads the rows start..end (only the pages not in the cache yet). */
export function ensureRows(start: number, end: number): Promise<void> {
  const { filter, sort } = tableQuery();
  return pageCache.ensure(start, end, (offset, limit) => api['leads.query']({ filter, sort, offset, limit }));
}

/** Re-reads the rows on screen after a change (a bulk action, an undo) without blanking them. */
export function refreshRows(): void {
  pageCache.invalidate();
}

export function setSelection(selection: Selection): void {
  useTableData.setState({ selection });
}

onLeadEvent((event) => {
  if (event.kind === 'saved') {
    if (!pageCache.replaceLead(event.lead)) refreshRows();
    return;
  }
  if (event.kind === 'removed') useTableData.setState((s) => ({ selection: withoutIds(s.selection, [event.id]) }));
  refreshRows();
});
