import type { KeyboardEvent } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Header } from '@tanstack/react-table';
import type { Lead } from '../../shared/domain/lead.ts';
import type { features } from './table-features.ts';

interface TableHeaderCellProps {
  header: Header<typeof features, Lead, unknown>;
  /** How many sort keys there are: the index shows only with two or more. */
  sortCount: number;
  /** The first data column stays in view when the table scrolls sideways. */
  pinned: boolean;
  /** Keyboard resizing: the new width in pixels. */
  onResize: (width: number) => void;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** A column header: click sorts (Shift+click adds a second key), the grip drags it, the edge resizes it. */
export function TableHeaderCell({ header, sortCount, pinned, onResize }: TableHeaderCellProps) {
  const column = header.column;
  const label = String(column.columnDef.header ?? column.id);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: column.id });
  const sorted = column.getIsSorted();
  const sortIndex = column.getSortIndex();
  const multi = sorted !== false && sortCount > 1 && sortIndex >= 0;
  const alignRight = column.columnDef.meta?.alignRight ?? false;

  function onSeparatorKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    event.stopPropagation();
    onResize(header.getSize() + (event.key === 'ArrowRight' ? 16 : -16));
  }

  return (
    <div
      ref={setNodeRef}
      role="columnheader"
      aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}
      className={`th${alignRight ? ' th-right' : ''}${pinned ? ' th-pin th-pin-2' : ''}${isDragging ? ' th-dragging' : ''}${column.getIsResizing() ? ' th-resizing' : ''}`}
      style={{ width: header.getSize(), transform: CSS.Translate.toString(transform), transition }}
      data-testid={`th-${column.id}`}
    >
      <button
        type="button"
        className="th-grip"
        aria-label={`Move column ${label}`}
        title="Drag to move this column"
        {...attributes}
        {...listeners}
        tabIndex={-1}
      >
        ⋮⋮
      </button>
      <button
        type="button"
        className="th-sort"
        onClick={column.getToggleSortingHandler()}
        title={`Sort by ${label} (Shift+click adds a second sort)`}
        data-testid={`sort-${column.id}`}
      >
        <span className="th-label">{label}</span>
        {sorted && (
          <span className="th-arrow" aria-hidden="true">
            {sorted === 'asc' ? '▲' : '▼'}
            {multi && <sup>{sortIndex + 1}</sup>}
          </span>
        )}
      </button>
      {column.getCanResize() && (
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={`Resize column ${label}`}
          aria-valuenow={header.getSize()}
          tabIndex={0}
          className="th-resizer"
          onMouseDown={header.getResizeHandler()}
          onTouchStart={header.getResizeHandler()}
          onPointerDown={(event) => event.stopPropagation()}
          onDoubleClick={() => column.resetSize()}
          onKeyDown={onSeparatorKey}
        />
      )}
    </div>
  );
}
