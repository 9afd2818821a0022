import { hasSelection, NO_SELECTION, selectAllMatching, selectedCount } from '../table/selection.ts';
import { setSelection, useTableData } from '../table/table-data.ts';
import { openBulkDialog, useBulk } from './bulk-store.ts';
import './bulk.css';
import { formatCount, LEADS, plural } from '../ui/numbers.ts';

/** Shown while rows are selected: N selected · Move to stage… · Assign owner… · tags · Delete. */
export function BulkBar() {
  const selection = useTableData((s) => s.selection);
  const total = useTableData((s) => s.total ?? 0);
  const busy = useBulk((s) => s.busy);
  if (!hasSelection(selection)) return null;
  const count = selectedCount(selection, total);
  const all = selection.kind === 'all';

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Actions on the selected leads" data-testid="bulk-bar">
      <span className="bulk-count" data-testid="bulk-count" aria-live="polite">
        {all ? `All ${plural(count, LEADS)} matching selected` : `${formatCount(count)} selected`}
      </span>
      {!all && count < total && (
        <button type="button" className="link-button" onClick={() => setSelection(selectAllMatching())} data-testid="select-all-matching">
          Select all {plural(total, LEADS)} matching
        </button>
      )}
      <span className="bulk-sep" aria-hidden="true" />
      <button type="button" className="button" disabled={busy} onClick={() => openBulkDialog('move')} data-testid="bulk-move">
        Move to stage…
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => openBulkDialog('assign')} data-testid="bulk-assign">
        Assign owner…
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => openBulkDialog('tag-add')} data-testid="bulk-tag-add">
        Add tag…
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => openBulkDialog('tag-remove')} data-testid="bulk-tag-remove">
        Remove tag…
      </button>
      <button type="button" className="button button-danger" disabled={busy} onClick={() => openBulkDialog('delete')} data-testid="bulk-delete">
        Delete
      </button>
      <span className="bulk-spacer" />
      <button type="button" className="link-button" onClick={() => setSelection(NO_SELECTION)} data-testid="bulk-clear">
        Clear selection
      </button>
    </div>
  );
}
