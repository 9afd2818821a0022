import { useEffect, useRef, useState } from 'react';
import { attribute } from '../../shared/domain/lead-attributes.ts';
import { groupedAttributes } from '../filters/attribute-groups.ts';
import { setColumns } from '../state/workspace-actions.ts';
import { DEFAULT_COLUMNS, useWorkspace } from '../state/workspace.ts';
import { moveColumn, toggleColumn } from './column-ops.ts';

const GROUPS = groupedAttributes();

/** "Columns": which columns the table shows (checkboxes) and in which order (move left/right). */
export function ColumnsMenu() {
  const columns = useWorkspace((s) => s.columns);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    function onDown(event: MouseEvent) {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const shown = new Set(columns.map((c) => c.key));

  return (
    <div
      className="menu-anchor"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          ref.current?.querySelector<HTMLElement>('button')?.focus();
        }
      }}
    >
      <button type="button" className="button" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)} data-testid="columns-menu">
        Columns
      </button>
      {open && (
        <div className="menu columns-menu" role="group" aria-label="Table columns" data-testid="columns-panel">
          <p className="menu-heading">Shown, in order</p>
          <ul className="columns-list">
            {columns.map((c, i) => (
              <li key={c.key} className="columns-item">
                <label className="check">
                  <input type="checkbox" checked disabled={columns.length === 1} onChange={() => setColumns(toggleColumn(columns, c.key))} />
                  <span>{attribute(c.key).label}</span>
                </label>
                <span className="columns-move">
                  <button type="button" className="icon-button small" aria-label={`Move ${attribute(c.key).label} left`} disabled={i === 0} onClick={() => setColumns(moveColumn(columns, c.key, -1))}>
                    ←
                  </button>
                  <button
                    type="button"
                    className="icon-button small"
                    aria-label={`Move ${attribute(c.key).label} right`}
                    disabled={i === columns.length - 1}
                    onClick={() => setColumns(moveColumn(columns, c.key, 1))}
                  >
                    →
                  </button>
                </span>
              </li>
            ))}
          </ul>
          {GROUPS.map((group) => {
            const hidden = group.attributes.filter((a) => !shown.has(a.key));
            if (hidden.length === 0) return null;
            return (
              <div key={group.label}>
                <p className="menu-heading">{group.label}</p>
                <ul className="columns-list">
                  {hidden.map((a) => (
                    <li key={a.key} className="columns-item">
                      <label className="check">
                        <input type="checkbox" checked={false} onChange={() => setColumns(toggleColumn(columns, a.key))} data-testid={`column-toggle-${a.key}`} />
                        <span>{a.label}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          <div className="menu-footer">
            <button type="button" className="link-button" onClick={() => setColumns(DEFAULT_COLUMNS)}>
              Reset to the default columns
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
