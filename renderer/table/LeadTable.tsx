import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTable, type RowSelectionState, type SortingState, type Updater } from '@tanstack/react-table';
import { LEAD_ATTRIBUTES, type AttributeKey } from '../../shared/domain/lead-attributes.ts';
import type { Lead } from '../../shared/domain/lead.ts';
import type { SortKey } from '../../shared/domain/views.ts';
import { openLead } from '../state/lead-actions.ts';
import { useBoard } from '../state/store.ts';
import { setColumns, setSort } from '../state/workspace-actions.ts';
import { useWorkspace } from '../state/workspace.ts';
import { sizingOf, withWidths } from './column-ops.ts';
import { inlineEditorFor } from './inline-edit.ts';
import { isSelected } from './selection.ts';
import { checkRow } from './table-actions.ts';
import { ensureRows, pageCache, refreshRows, syncTableQuery, TABLE_PAGE_SIZE, useTableData } from './table-data.ts';
import { COLUMNS, features, SELECT_COLUMN } from './table-features.ts';
import { HEADER_HEIGHT, TableHead } from './TableHead.tsx';
import { ROW_HEIGHT, TableRow } from './TableRow.tsx';
import { useGridKeys } from './useGridKeys.ts';
import './table.css';

/** A click waits this long for a second one (double-click edits) before opening the panel. */
const CLICK_DELAY_MS = 230;

function toSorting(sort: SortKey[]): SortingState {
  return sort.map((s) => ({ id: s.field, desc: s.dir === 'desc' }));
}

function fromSorting(sorting: SortingState): SortKey[] {
  return sorting.map((s) => ({ field: s.id as AttributeKey, dir: s.desc ? 'desc' : 'asc' }));
}

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;
}

/**
 * The leads table: sorting, filtering and paging run in SQL (`leads.query`); only the pages around
 * the visible rows are fetched, so it stays instant with 100,000 leads.
 */
export function LeadTable() {
  const filter = useWorkspace((s) => s.filter);
  const search = useWorkspace((s) => s.search);
  const sort = useWorkspace((s) => s.sort);
  const viewColumns = useWorkspace((s) => s.columns);
  const version = useTableData((s) => s.version);
  const total = useTableData((s) => s.total);
  const error = useTableData((s) => s.error);
  const selection = useTableData((s) => s.selection);
  const scrollRef = useRef<HTMLDivElement>(null);
  const clickTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [editing, setEditing] = useState<{ row: number; field: AttributeKey } | null>(null);
  const openLeadId = useBoard((s) => (s.panel?.mode === 'edit' ? s.panel.leadId : null));

  useEffect(() => {
    syncTableQuery();
  }, [filter, search, sort]);

  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length > 0 ? items[items.length - 1]!.index : TABLE_PAGE_SIZE - 1;

  useEffect(() => {
    void ensureRows(first, last);
  }, [first, last, version]);

  const data = useMemo(() => {
    const rows: Lead[] = [];
    for (let i = first; i <= last; i++) {
      const lead = pageCache.rowAt(i);
      if (lead) rows.push(lead);
    }
    return rows;
    // The cache changes in place; its version says when.
  }, [first, last, version]);

  const sorting = useMemo(() => toSorting(sort), [sort]);
  const columnOrder = useMemo(() => [SELECT_COLUMN, ...viewColumns.map((c) => c.key)], [viewColumns]);
  const columnVisibility = useMemo(() => {
    const shown = new Set<string>(viewColumns.map((c) => c.key));
    return Object.fromEntries(LEAD_ATTRIBUTES.filter((a) => !shown.has(a.key)).map((a) => [a.key, false]));
  }, [viewColumns]);
  const columnSizing = useMemo(() => sizingOf(viewColumns), [viewColumns]);
  const rowSelection = useMemo(() => {
    const state: RowSelectionState = {};
    for (const lead of data) if (isSelected(selection, lead.id)) state[String(lead.id)] = true;
    return state;
  }, [data, selection]);

  const table = useTable({
    features,
    columns: COLUMNS,
    data,
    getRowId: (lead) => String(lead.id),
    state: { sorting, columnOrder, columnVisibility, columnSizing, rowSelection },
    onSortingChange: (updater) => setSort(fromSorting(resolve(updater, sorting))),
    onColumnSizingChange: (updater) => setColumns(withWidths(useWorkspace.getState().columns, resolve(updater, columnSizing))),
    onColumnOrderChange: () => undefined,
    onColumnVisibilityChange: () => undefined,
    onRowSelectionChange: () => undefined,
    manualSorting: true,
    enableMultiSort: true,
    maxMultiSortColCount: 3,
    enableSortingRemoval: true,
    columnResizeMode: 'onChange',
    enableRowSelection: true,
  });

  const visibleColumns = table.getVisibleLeafColumns();
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const rowsById = new Map(table.getRowModel().rows.map((row) => [row.id, row]));

  const scrollToRow = useCallback((row: number) => virtualizer.scrollToIndex(row, { align: 'auto' }), [virtualizer]);
  const grid = useGridKeys(scrollRef, count, visibleColumns.length, scrollToRow);

  function cancelClick() {
    if (clickTimer.current) clearTimeout(clickTimer.current);
    clickTimer.current = null;
  }

  function onCellClick(index: number, col: number, lead: Lead, event: MouseEvent) {
    grid.moveTo({ row: index, col }, false);
    if (editing || event.detail > 1) return;
    cancelClick();
    clickTimer.current = setTimeout(() => openLead(lead.id, lead), CLICK_DELAY_MS);
  }

  function startEditing(index: number, col: number): boolean {
    const field = visibleColumns[col]?.columnDef.meta?.field ?? null;
    if (!field || !inlineEditorFor(field) || !pageCache.rowAt(index)) return false;
    setEditing({ row: index, field });
    return true;
  }

  function onCellDoubleClick(index: number, col: number, lead: Lead) {
    cancelClick();
    if (!startEditing(index, col)) openLead(lead.id, lead);
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (editing || event.target instanceof HTMLSelectElement) return;
    if (event.target instanceof HTMLInputElement && event.target.type !== 'checkbox') return;
    if (!(event.target as HTMLElement).closest('[role="row"]')) return;
    if (grid.onKeyDown(event)) return;
    const { row, col } = grid.active;
    const lead = pageCache.rowAt(row);
    if (!lead) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      if (col === 0 || !startEditing(row, col)) openLead(lead.id, lead);
    } else if (event.key === ' ') {
      event.preventDefault();
      void checkRow(row, lead, event.shiftKey);
    }
  }

  function onEditDone() {
    setEditing(null);
    grid.focusActive();
  }

  const now = Date.now();

  if (error && total === null) {
    return (
      <div className="table-message" role="alert">
        <p>Could not load the leads: {error}</p>
        <button type="button" className="button" onClick={() => refreshRows()}>
          Try again
        </button>
      </div>
    );
  }

  return (
    <div
      ref={scrollRef}
      className="table-scroll"
      role="grid"
      aria-label="Leads"
      aria-rowcount={count + 1}
      aria-colcount={visibleColumns.length}
      aria-multiselectable="true"
      aria-busy={total === null}
      onKeyDown={onGridKeyDown}
      data-testid="lead-table"
    >
      <div className="table-inner" style={{ width: table.getTotalSize() }}>
        <TableHead headers={headers} count={count} />
        <div className="tbody" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const lead = pageCache.rowAt(item.index);
            return (
              <TableRow
                key={lead ? `l${lead.id}` : `i${item.index}`}
                index={item.index}
                top={item.start - HEADER_HEIGHT}
                row={lead ? rowsById.get(String(lead.id)) : undefined}
                columns={visibleColumns}
                selected={lead ? isSelected(selection, lead.id) : false}
                open={lead !== undefined && lead.id === openLeadId}
                activeCol={grid.active.row === item.index ? grid.active.col : -1}
                editing={editing?.row === item.index ? editing.field : null}
                now={now}
                onCheck={(index, l, shift) => void checkRow(index, l, shift)}
                onCellClick={onCellClick}
                onCellDoubleClick={onCellDoubleClick}
                onEditDone={onEditDone}
              />
            );
          })}
        </div>
      </div>
      {total === null && (
        <div className="table-message" role="status">
          Loading leads…
        </div>
      )}
    </div>
  );
}
