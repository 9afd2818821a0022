import { useMemo, useState, type FormEvent } from 'react';
import { REASON_KIND_LABELS, REASON_KINDS, type ReasonKind } from '../../shared/domain/reasons.ts';
import { useBoard } from '../state/store.ts';
import { SelectField } from '../ui/Field.tsx';
import { Modal } from '../ui/Modal.tsx';
import { bulkMove } from './bulk-actions.ts';
import { openBulkDialog, useBulk } from './bulk-store.ts';
import { LEADS, plural } from '../ui/numbers.ts';

/** Which reason lists a move to that stage may need (the lead's current stage decides which one applies). */
function reasonKindsFor(stageKind: string, funnel: string): ReasonKind[] {
  if (stageKind === 'lost') return ['lost', 'disqualified'];
  if (funnel === 'marketing') return ['recycled'];
  return [];
}

/** "Move to stage…": the stage, and a reason when the move may need one. */
export function BulkMoveDialog({ count }: { count: number }) {
  const allStages = useBoard((s) => s.stages);
  const stages = useMemo(() => [...allStages].sort((a, b) => a.position - b.position), [allStages]);
  const reasons = useBoard((s) => s.reasons);
  const busy = useBulk((s) => s.busy);
  const [stageKey, setStageKey] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const stage = stages.find((s) => s.key === stageKey);
  const kinds = stage ? reasonKindsFor(stage.kind, stage.funnel) : [];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!stage) {
      setError('Pick a stage.');
      return;
    }
    await bulkMove(stage.key, kinds.length > 0 && reason ? reason : undefined);
  }

  return (
    <Modal title={`Move ${plural(count, LEADS)}`} onClose={() => openBulkDialog(null)} testId="bulk-move-dialog">
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="bulk-form">
        <SelectField
          label="To stage"
          value={stageKey}
          onChange={(v) => {
            setStageKey(v);
            setError(null);
          }}
          emptyLabel="Choose a stage…"
          options={stages.map((s) => ({ value: s.key, label: s.name }))}
          error={error ?? undefined}
          testId="bulk-move-stage"
        />
        {kinds.length > 0 && (
          <div className="field">
            <label className="field-label" htmlFor="bulk-reason">
              Reason
            </label>
            <select id="bulk-reason" className="input select" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="bulk-move-reason">
              <option value="">No reason</option>
              {REASON_KINDS.filter((k) => kinds.includes(k)).map((kind) => (
                <optgroup key={kind} label={`${REASON_KIND_LABELS[kind]}s`}>
                  {reasons
                    .filter((r) => r.kind === kind)
                    .map((r) => (
                      <option key={r.id} value={r.label}>
                        {r.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
        )}
        <p className="field-hint">
          The stage rules apply to every lead: a lead that lacks what {stage?.name ?? 'the stage'} needs is listed afterwards, with the reason, and not
          moved.
        </p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={() => openBulkDialog(null)}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="bulk-move-confirm">
            {busy ? 'Moving…' : 'Move'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
