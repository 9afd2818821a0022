import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { Header } from '@tanstack/react-table';
import type { Lead } from '../../shared/domain/lead.ts';
import { setColumns } from '../state/workspace-actions.ts';
import { useWorkspace } from '../state/workspace.ts';
import { reorderColumn, sizingOf, withWidths } from './column-ops.ts';
import { headerState } from './selection.ts';
import { toggleAll } from './table-actions.ts';
import { useTableData } from './table-data.ts';
import { SELECT_COLUMN, type features } from './table-features.ts';
import { TableHeaderCell } from './TableHeaderCell.tsx';
import { formatCount } from '../ui/numbers.ts';

export const HEADER_HEIGHT = 36;

interface TableHeadProps {
  headers: Header<typeof features, Lead, unknown>[];
  count: number;
}

/** The header row: select-all, then the columns (drag to reorder, click to sort, edge to resize). */
export function TableHead({ headers, count }: TableHeadProps) {
  const columns = useWorkspace((s) => s.columns);
  const sortCount = useWorkspace((s) => s.sort.length);
  const checkState = useTableData((s) => headerState(s.selection, count));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  function onDragEnd({ active, over }: DragEndEvent) {
    if (over && active.id !== over.id) setColumns(reorderColumn(useWorkspace.getState().columns, String(active.id), String(over.id)));
  }

  function resize(key: string, width: number) {
    const current = useWorkspace.getState().columns;
    setColumns(withWidths(current, { ...sizingOf(current), [key]: Math.max(60, width) }));
  }

  return (
    <div className="thead" role="rowgroup">
      <div className="tr tr-head" role="row" aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={columns.map((c) => c.key)} strategy={horizontalListSortingStrategy}>
            {headers.map((header) =>
              header.column.id === SELECT_COLUMN ? (
                <div key={header.id} role="columnheader" className="th th-select th-pin" style={{ width: header.getSize() }}>
                  <input
                    type="checkbox"
                    className="row-check"
                    aria-label={checkState === 'none' ? `Select all ${formatCount(count)} matching leads` : 'Clear the selection'}
                    checked={checkState === 'all'}
                    ref={(el) => {
                      if (el) el.indeterminate = checkState === 'some';
                    }}
                    onChange={() => toggleAll()}
                    disabled={count === 0}
                    data-testid="check-all"
                  />
                </div>
              ) : (
                <TableHeaderCell
                  key={header.id}
                  header={header}
                  sortCount={sortCount}
                  pinned={header.index === 1}
                  onResize={(width) => resize(header.column.id, width)}
                />
              ),
            )}
          </SortableContext>
        </DndContext>
      </div>
    </div>
  );
}
