import { Modal } from '../ui/Modal.tsx';
import { useBulk } from './bulk-store.ts';
import { LEADS, plural } from '../ui/numbers.ts';

/** After a bulk move: which leads a rule refused, and why. The others were moved. */
export function BulkRefusalsDialog() {
  const refusals = useBulk((s) => s.refusals);
  if (!refusals) return null;
  const { outcome, stageName } = refusals;
  const close = () => useBulk.setState({ refusals: null });
  return (
    <Modal title={`${plural(outcome.refused.length, LEADS)} not moved to ${stageName}`} onClose={close} testId="bulk-refusals">
      <p className="modal-intro">
        {outcome.appliedIds.length > 0 ? `${plural(outcome.appliedIds.length, LEADS)} moved. ` : 'No lead was moved. '}
        These stayed where they were; they are still selected, so you can fix them and move them again.
      </p>
      <ul className="refusal-list" data-testid="refusal-list">
        {outcome.refused.map((r) => (
          <li key={r.id} className="refusal-item">
            <span className="refusal-name">{r.name}</span>
            <span className="refusal-message">{r.message}</span>
          </li>
        ))}
      </ul>
      <div className="modal-actions">
        <button type="button" className="button button-primary" onClick={close} data-testid="refusals-close">
          OK
        </button>
      </div>
    </Modal>
  );
}
