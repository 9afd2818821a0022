import { useState, type FormEvent } from 'react';
import { useBoard } from '../state/store.ts';
import { SelectField } from '../ui/Field.tsx';
import { Modal } from '../ui/Modal.tsx';
import { bulkAssign } from './bulk-actions.ts';
import { openBulkDialog, useBulk } from './bulk-store.ts';
import { LEADS, plural } from '../ui/numbers.ts';

const UNASSIGN = 'none';

/** "Assign owner…": one owner (or nobody) for every selected lead. */
export function BulkAssignDialog({ count }: { count: number }) {
  const team = useBoard((s) => s.team);
  const busy = useBulk((s) => s.busy);
  const [owner, setOwner] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!owner) {
      setError('Pick an owner.');
      return;
    }
    await bulkAssign(owner === UNASSIGN ? null : Number(owner));
  }

  return (
    <Modal title={`Assign ${plural(count, LEADS)}`} onClose={() => openBulkDialog(null)} testId="bulk-assign-dialog">
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="bulk-form">
        <SelectField
          label="Owner"
          value={owner}
          onChange={(v) => {
            setOwner(v);
            setError(null);
          }}
          emptyLabel="Choose an owner…"
          options={[...team.map((m) => ({ value: String(m.id), label: m.name })), { value: UNASSIGN, label: 'Nobody (unassign)' }]}
          error={error ?? undefined}
          testId="bulk-assign-owner"
        />
        <div className="modal-actions">
          <button type="button" className="button" onClick={() => openBulkDialog(null)}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="bulk-assign-confirm">
            {busy ? 'Assigning…' : 'Assign'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
