import { useState } from 'react';
import { clearFilter, setConditions, updateActiveView } from '../state/workspace-actions.ts';
import { useWorkspace } from '../state/workspace.ts';
import { ExportButton } from '../export/ExportButton.tsx';
import { ColumnsMenu } from '../table/ColumnsMenu.tsx';
import { SaveViewDialog } from '../views/SaveViewDialog.tsx';
import { viewDiffers, worthSaving } from '../views/view-model.ts';
import { describeEntry } from './describe.ts';
import { FilterBuilder } from './FilterBuilder.tsx';
import { FilterChip } from './FilterChip.tsx';
import { withoutEntry } from './filter-ops.ts';
import { useLabelContext } from './useLabelContext.ts';
import './filters.css';

type Editing = null | { index: number | null };

/** The active conditions as chips, "+ Filter", "Clear", and saving the state as a view. */
export function FilterBar() {
  const filter = useWorkspace((s) => s.filter);
  const search = useWorkspace((s) => s.search);
  const columns = useWorkspace((s) => s.columns);
  const sort = useWorkspace((s) => s.sort);
  const mode = useWorkspace((s) => s.mode);
  const activeView = useWorkspace((s) => s.views.find((v) => v.id === s.activeViewId) ?? null);
  const ctx = useLabelContext();
  const [editing, setEditing] = useState<Editing>(null);
  const [saving, setSaving] = useState(false);

  const state = { filter, columns, sort };
  const dirty = activeView !== null && viewDiffers(activeView, state);
  const canSave = activeView === null ? worthSaving(state) : dirty;

  return (
    <div className="filter-bar" data-testid="filter-bar">
      <ul className="filter-chips" aria-label="Active filters">
        {filter.all.map((entry, index) => (
          <FilterChip
            key={index}
            index={index}
            text={describeEntry(entry, ctx)}
            editing={editing?.index === index}
            onEdit={() => setEditing({ index })}
            onRemove={() => {
              setEditing(null);
              setConditions(withoutEntry(filter, index));
            }}
          />
        ))}
        <li className="filter-bar-buttons">
          <button
            type="button"
            className="button button-ghost"
            aria-expanded={editing?.index === null}
            onClick={() => setEditing(editing?.index === null ? null : { index: null })}
            data-filter-opener
            data-testid="add-filter"
          >
            + Filter
          </button>
          {(filter.all.length > 0 || search) && (
            <button type="button" className="button button-ghost" onClick={() => clearFilter()} data-testid="clear-filter">
              Clear
            </button>
          )}
        </li>
      </ul>
      <div className="filter-bar-actions">
        {mode === 'table' && <ColumnsMenu />}
        {dirty && (
          <button type="button" className="button" onClick={() => void updateActiveView()} data-testid="update-view">
            Update view
          </button>
        )}
        {canSave && (
          <button type="button" className={activeView ? 'button button-ghost' : 'button'} onClick={() => setSaving(true)} data-testid="save-view">
            {activeView ? 'Save as new view' : 'Save as view'}
          </button>
        )}
        <ExportButton />
      </div>
      {editing && (
        <FilterBuilder
          key={editing.index ?? 'new'}
          entry={editing.index === null ? null : (filter.all[editing.index] ?? null)}
          index={editing.index}
          onClose={() => setEditing(null)}
        />
      )}
      {saving && <SaveViewDialog onClose={() => setSaving(false)} />}
    </div>
  );
}
