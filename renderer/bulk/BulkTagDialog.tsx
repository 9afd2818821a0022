import { useState, type FormEvent } from 'react';
import { Modal } from '../ui/Modal.tsx';
import { TagInput } from '../ui/TagInput.tsx';
import { bulkTag } from './bulk-actions.ts';
import { openBulkDialog, useBulk } from './bulk-store.ts';
import { LEADS, plural } from '../ui/numbers.ts';

/** "Add tag…" / "Remove tag…" on every selected lead. */
export function BulkTagDialog({ count, remove }: { count: number; remove: boolean }) {
  const busy = useBulk((s) => s.busy);
  const [tags, setTags] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (tags.length === 0) {
      setError('Type a tag and press Enter.');
      return;
    }
    await bulkTag(remove ? [] : tags, remove ? tags : []);
  }

  return (
    <Modal title={remove ? `Remove tags from ${plural(count, LEADS)}` : `Tag ${plural(count, LEADS)}`} onClose={() => openBulkDialog(null)} testId="bulk-tag-dialog">
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="bulk-form">
        <TagInput
          label={remove ? 'Tags to remove' : 'Tags to add'}
          values={tags}
          onChange={(v) => {
            setTags(v);
            setError(null);
          }}
          suggestFrom="tags"
          testId="bulk-tags"
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={() => openBulkDialog(null)}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="bulk-tag-confirm">
            {remove ? 'Remove tags' : 'Add tags'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
