import { useState, type FormEvent } from 'react';
import { saveViewAs } from '../state/workspace-actions.ts';
import { TextField } from '../ui/Field.tsx';
import { Modal } from '../ui/Modal.tsx';

/** "Save as view": asks for a name, then saves the filter, columns and sort under it. */
export function SaveViewDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give the view a name.');
      return;
    }
    setSaving(true);
    const result = await saveViewAs(name.trim());
    setSaving(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  }

  return (
    <Modal title="Save as view" onClose={onClose} testId="save-view-dialog">
      <p className="muted modal-intro">The view keeps the filter, the table columns (with their widths) and the sort.</p>
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextField label="Name" value={name} onChange={setName} error={error ?? undefined} placeholder="e.g. Fintech HR managers" testId="view-name" autoFocus />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving} data-testid="view-save">
            Save view
          </button>
        </div>
      </form>
    </Modal>
  );
}
