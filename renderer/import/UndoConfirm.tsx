import { useState } from 'react';
import type { ImportRecord } from '../../shared/domain/csv-transfer.ts';
import { LEADS, plural } from '../ui/numbers.ts';
import { undoImport } from './import-actions.ts';

/** "Undo this import" and its confirmation in place: what will be removed and restored, in words. */
export function UndoConfirm({ record, onDone, compact }: { record: ImportRecord; onDone?: () => void; compact?: boolean }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!asking) {
    return (
      <button
        type="button"
        className={compact ? 'button button-small' : 'button'}
        onClick={() => setAsking(true)}
        aria-label={compact ? `Undo the import of ${record.fileName}` : undefined}
        data-testid={`undo-import-${record.id}`}
      >
        {compact ? 'Undo' : 'Undo this import'}
      </button>
    );
  }

  const parts = [
    record.counts.created > 0 ? `the ${plural(record.counts.created, LEADS)} it created will be deleted with their history` : null,
    record.counts.updated > 0 ? `the ${plural(record.counts.updated, LEADS)} it updated get their earlier values back` : null,
  ].filter(Boolean);

  async function confirm() {
    setBusy(true);
    const result = await undoImport(record.id);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setAsking(false);
    onDone?.();
  }

  return (
    <div className="import-undo-confirm" role="group" aria-label={`Undo the import of ${record.fileName}`} data-testid={`undo-confirm-${record.id}`}>
      <p>
        Undo the whole import of <strong>{record.fileName}</strong>? {parts.length > 0 ? `${capitalize(parts.join('; '))}.` : ''}
      </p>
      {error && (
        <p className="form-error" role="alert">
          Could not undo the import: {error}
        </p>
      )}
      <div className="import-undo-actions">
        <button type="button" className="button button-small" onClick={() => setAsking(false)} autoFocus>
          Keep it
        </button>
        <button type="button" className="button button-small button-danger-solid" disabled={busy} onClick={() => void confirm()} data-testid={`undo-confirm-button-${record.id}`}>
          {busy ? 'Undoing…' : 'Undo the import'}
        </button>
      </div>
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
