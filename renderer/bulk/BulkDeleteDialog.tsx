import { Modal } from '../ui/Modal.tsx';
import { bulkDelete } from './bulk-actions.ts';
import { openBulkDialog, useBulk } from './bulk-store.ts';
import { LEADS, plural } from '../ui/numbers.ts';

/** Asks before deleting many leads; the delete can still be undone afterwards. */
export function BulkDeleteDialog({ count }: { count: number }) {
  const busy = useBulk((s) => s.busy);
  return (
    <Modal title={`Delete ${plural(count, LEADS)}?`} onClose={() => openBulkDialog(null)} testId="bulk-delete-dialog">
      <p className="modal-intro">They leave the board and the table. Undo (or Ctrl+Z) right after brings them back with their history.</p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={() => openBulkDialog(null)}>
          Cancel
        </button>
        <button type="button" className="button button-danger-solid" disabled={busy} onClick={() => void bulkDelete()} data-testid="bulk-delete-confirm">
          {busy ? 'Deleting…' : `Delete ${plural(count, LEADS)}`}
        </button>
      </div>
    </Modal>
  );
}
