import { useMemo, useState, type FormEvent } from 'react';
import { REASON_KIND_LABELS, type ReasonKind } from '../../shared/domain/reasons.ts';
import { useBoard } from '../state/store.ts';
import { addReason, removeReason } from './settings-actions.ts';

const KIND_HINTS: Record<ReasonKind, string> = {
  lost: 'Asked when a qualified deal (SQL or later) closes lost.',
  disqualified: 'Asked when a lead is turned down before it was qualified.',
  recycled: 'Asked when a lost lead goes back to marketing.',
};

/** One reason list: its reasons (× removes), and a field to add one. */
export function ReasonList({ kind }: { kind: ReasonKind }) {
  const all = useBoard((s) => s.reasons);
  const reasons = useMemo(() => all.filter((r) => r.kind === kind).sort((a, b) => a.position - b.position || a.id - b.id), [all, kind]);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!label.trim()) {
      setError('Give a reason.');
      return;
    }
    const result = await addReason(kind, label.trim());
    if (result.ok) setLabel('');
    else setError(result.error.message);
  }

  return (
    <div className="reason-kind" data-testid={`reasons-${kind}`}>
      <h4 className="settings-subheading">{REASON_KIND_LABELS[kind]}s</h4>
      <p className="field-hint">{KIND_HINTS[kind]}</p>
      <ul className="reason-list">
        {reasons.map((r) => (
          <li key={r.id} className="reason-item">
            <span>{r.label}</span>
            <button
              type="button"
              className="icon-button small"
              aria-label={`Remove “${r.label}” from ${REASON_KIND_LABELS[kind].toLowerCase()}s`}
              onClick={() => void removeReason(r.id).then((res) => !res.ok && setError(res.error.message))}
            >
              ×
            </button>
          </li>
        ))}
        {reasons.length === 0 && <li className="muted">Empty: add at least one reason.</li>}
      </ul>
      <form className="reason-add" onSubmit={(e) => void onSubmit(e)}>
        <input
          className="input"
          aria-label={`New ${REASON_KIND_LABELS[kind].toLowerCase()}`}
          placeholder="New reason"
          value={label}
          onChange={(e) => {
            setLabel(e.target.value);
            setError(null);
          }}
          data-testid={`reason-new-${kind}`}
        />
        <button type="submit" className="button">
          Add
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
