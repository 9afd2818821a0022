import { useState } from 'react';
import type { SavedView } from '../../shared/domain/views.ts';
import { deleteView } from '../state/workspace-actions.ts';
import { Modal } from '../ui/Modal.tsx';

/** Confirms deleting a saved view (the leads stay; only the view goes). */
export function DeleteViewDialog({ view, onClose }: { view: SavedView; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    const result = await deleteView(view);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  }

  return (
    <Modal title={`Delete the view “${view.name}”?`} onClose={onClose} testId="delete-view-dialog">
      <p className="modal-intro">The leads stay as they are; only this saved filter, its columns and sort are removed.</p>
      {error && (
        <p className="form-error" role="alert">
          Could not delete the view: {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger-solid" disabled={busy} onClick={() => void confirm()} data-testid="delete-view-confirm">
          Delete view
        </button>
      </div>
    </Modal>
  );
}
