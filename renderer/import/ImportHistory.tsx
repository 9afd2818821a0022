import { useEffect } from 'react';
import type { ImportRecord } from '../../shared/domain/csv-transfer.ts';
import { formatCount } from '../ui/numbers.ts';
import { closeSettings } from '../state/workspace-actions.ts';
import { formatDateTime } from '../ui/dates.ts';
import { downloadRejected, loadHistory, openImport } from './import-actions.ts';
import { useImportHistory } from './import-store.ts';
import { STATUS_LABELS } from './preview-model.ts';
import { UndoConfirm } from './UndoConfirm.tsx';
import './import.css';

/** Settings → Imports: every import with its figures; undo one as a whole, download its rejected rows. */
export function ImportHistory() {
  const records = useImportHistory((s) => s.records);
  const loaded = useImportHistory((s) => s.loaded);
  const error = useImportHistory((s) => s.error);

  useEffect(() => {
    void loadHistory();
  }, []);

  return (
    <section className="settings-section" aria-labelledby="settings-imports">
      <div className="import-history-head">
        <h3 id="settings-imports" className="settings-heading">
          Imports
        </h3>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            closeSettings();
            openImport();
          }}
          data-testid="history-import"
        >
          Import CSV…
        </button>
      </div>
      <p className="muted">Undo removes the leads an import created and gives the leads it updated their earlier values back. Your other changes stay.</p>
      {error && (
        <p className="form-error" role="alert">
          Could not load the imports: {error}
        </p>
      )}
      {!loaded && (
        <p className="muted" role="status">
          Loading the imports…
        </p>
      )}
      {loaded && !error && records.length === 0 && (
        <p className="import-history-empty" data-testid="history-empty">
          No imports yet. Bring in a prospect list or another CRM’s export with <strong>Import CSV</strong>.
        </p>
      )}
      {records.length > 0 && (
        <ul className="import-history" aria-label="Past imports" data-testid="import-history">
          {records.map((record) => (
            <HistoryItem key={record.id} record={record} />
          ))}
        </ul>
      )}
    </section>
  );
}

function HistoryItem({ record }: { record: ImportRecord }) {
  const busy = useImportHistory((s) => s.busyIds.includes(record.id));
  const { counts } = record;
  const figures = [
    `${formatCount(counts.read)} read`,
    `${formatCount(counts.created)} new`,
    counts.updated > 0 ? `${formatCount(counts.updated)} updated` : null,
    counts.skipped > 0 ? `${formatCount(counts.skipped)} skipped` : null,
    `${formatCount(counts.rejected)} rejected`,
  ].filter(Boolean);

  return (
    <li className="import-history-item" data-testid={`history-${record.id}`}>
      <div className="import-history-main">
        <span className="import-history-file" title={record.fileName}>
          {record.fileName}
        </span>
        <span className={`import-status import-status-${record.status}`} data-testid={`history-status-${record.id}`}>
          {STATUS_LABELS[record.status]}
        </span>
        <span className="import-history-when">
          {formatDateTime(record.startedAt)}
          {record.byName ? ` · by ${record.byName}` : ''}
          {record.undoneAt ? ` · undone ${formatDateTime(record.undoneAt)}` : ''}
        </span>
      </div>
      <div className="import-history-figures">{figures.join(' · ')}</div>
      {record.message && <p className="field-error">{record.message}</p>}
      <div className="import-history-actions">
        {counts.rejected > 0 && (
          <button type="button" className="button button-small" disabled={busy} onClick={() => void downloadRejected(record.id)} data-testid={`history-rejected-${record.id}`}>
            Rejected rows
          </button>
        )}
        {record.canUndo && <UndoConfirm record={record} compact />}
        {!record.canUndo && record.undoBlockedBy && <span className="muted import-history-blocked">{record.undoBlockedBy}</span>}
      </div>
    </li>
  );
}
