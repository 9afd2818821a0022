import type { MouseEvent } from 'react';
import type { Column, Row } from '@tanstack/react-table';
import type { AttributeKey } from '../../shared/domain/lead-attributes.ts';
import { leadDisplayName, type Lead } from '../../shared/domain/lead.ts';
import { CellEditor } from './CellEditor.tsx';
import { CellValue } from './CellValue.tsx';
import { inlineEditorFor } from './inline-edit.ts';
import { SELECT_COLUMN, type features } from './table-features.ts';

export const ROW_HEIGHT = 36;

interface TableRowProps {
  index: number;
  top: number;
  row: Row<typeof features, Lead> | undefined;
  /** The visible columns, for the placeholder of a row that is still loading. */
  columns: Column<typeof features, Lead, unknown>[];
  selected: boolean;
  /** The lead shown in the side panel. */
  open: boolean;
  /** Index of the focusable cell in this row, or -1. */
  activeCol: number;
  editing: AttributeKey | null;
  now: number;
  onCheck: (index: number, lead: Lead, shiftKey: boolean) => void;
  onCellClick: (index: number, col: number, lead: Lead, event: MouseEvent) => void;
  onCellDoubleClick: (index: number, col: number, lead: Lead) => void;
  onEditDone: (how: 'saved' | 'cancelled') => void;
}

/** One lead in the table (absolutely placed by the virtualizer), or a placeholder while its page loads. */
export function TableRow(props: TableRowProps) {
  const { index, top, row, columns, selected, open, activeCol, editing, now } = props;
  const lead = row?.original;
  const style = { transform: `translateY(${top}px)`, height: ROW_HEIGHT };

  if (!row || !lead) {
    return (
      <div role="row" aria-rowindex={index + 2} className="tr tr-loading" style={style} aria-busy="true">
        {columns.map((column, col) => (
          <div key={column.id} role="gridcell" className={col === 0 ? 'td td-pin' : col === 1 ? 'td td-pin td-pin-2' : 'td'} style={{ width: column.getSize() }}>
            <span className="skeleton" />
          </div>
        ))}
      </div>
    );
  }

  const name = leadDisplayName(lead);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`tr${selected ? ' tr-selected' : ''}${open ? ' tr-open' : ''}${index % 2 === 1 ? ' tr-odd' : ''}`}
      style={style}
      data-testid={`row-${lead.id}`}
      data-index={index}
    >
      {row.getVisibleCells().map((cell, col) => {
        const field = cell.column.columnDef.meta?.field ?? null;
        const tabIndex = col === activeCol ? 0 : -1;
        const width = cell.column.getSize();
        if (cell.column.id === SELECT_COLUMN) {
          return (
            <div key={cell.id} role="gridcell" className="td td-select td-pin" style={{ width }} data-row={index} data-col={col} tabIndex={-1}>
              <input
                type="checkbox"
                className="row-check"
                checked={selected}
                tabIndex={tabIndex}
                aria-label={`Select ${name}`}
                onChange={() => undefined}
                onClick={(event) => {
                  event.stopPropagation();
                  props.onCheck(index, lead, event.shiftKey);
                }}
                data-testid={`check-${lead.id}`}
              />
            </div>
          );
        }
        const isEditing = field !== null && editing === field;
        const editable = field !== null && inlineEditorFor(field) !== null;
        return (
          <div
            key={cell.id}
            role="gridcell"
            className={`td${col === 1 ? ' td-pin td-pin-2' : ''}${cell.column.columnDef.meta?.alignRight ? ' td-right' : ''}${isEditing ? ' td-editing' : ''}${editable ? ' td-editable' : ''}`}
            style={{ width }}
            tabIndex={tabIndex}
            data-row={index}
            data-col={col}
            data-field={field ?? undefined}
            onClick={(event) => props.onCellClick(index, col, lead, event)}
            onDoubleClick={() => props.onCellDoubleClick(index, col, lead)}
          >
            {isEditing && field ? <CellEditor lead={lead} field={field} onDone={props.onEditDone} /> : field && <CellValue lead={lead} field={field} now={now} />}
          </div>
        );
      })}
    </div>
  );
}
