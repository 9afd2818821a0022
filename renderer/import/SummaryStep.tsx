import type { ImportCounts } from '../../shared/domain/csv-transfer.ts';
import { formatCount } from '../ui/numbers.ts';
import { closeImport, downloadRejected } from './import-actions.ts';
import { useImport, useImportHistory } from './import-store.ts';
import { RejectReasons } from './RejectReasons.tsx';
import { UndoConfirm } from './UndoConfirm.tsx';

const TITLES = { done: 'Import finished', cancelled: 'Import cancelled', failed: 'Import failed' } as const;

/** Step 6: what the import did, the rejected rows to download, and undo. */
export function SummaryStep() {
  const outcome = useImport((s) => s.wizard.outcome) ?? 'failed';
  const message = useImport((s) => s.wizard.outcomeMessage);
  const record = useImport((s) => s.wizard.record);
  const preview = useImport((s) => s.wizard.preview);
  const delimiter = useImport((s) => s.wizard.delimiter ?? s.wizard.scan?.delimiter);
  const downloading = useImportHistory((s) => (record ? s.busyIds.includes(record.id) : false));
  const counts = record?.counts ?? null;
  const undone = record?.status === 'undone';

  return (
    <div className="import-summary" data-testid="import-summary">
      <h3 className="import-summary-title" data-testid="import-outcome">
        {undone ? 'Import undone' : TITLES[outcome]}
      </h3>
      {outcome === 'failed' && !undone && (
        <p className="form-error" role="alert">
          {message ?? 'The import stopped without saying why.'} {counts && counts.created + counts.updated > 0 ? 'The rows imported before it stopped stay: undo them below if you wish.' : ''}
        </p>
      )}
      {outcome === 'cancelled' && !undone && (
        <p role="status">The rows imported before the cancel stay in Voronka. Undo them below, or later from the import history.</p>
      )}
      {undone && <p role="status">Its new leads were deleted and the leads it updated have their earlier values back.</p>}
      {counts ? <SummaryCounts counts={counts} /> : <p className="muted">Voronka could not read the import’s figures; see the import history.</p>}
      {/* The preview's reasons cover the whole file: shown when the import read it all and rejected the same rows. */}
      {counts && counts.rejected > 0 && outcome === 'done' && preview && preview.counts.rejected === counts.rejected && preview.errorSummary.length > 0 && (
        <RejectReasons headingId="summary-reasons" level="h4" heading="Why rows were rejected" reasons={preview.errorSummary} testId="summary-reject-reasons" />
      )}
      <div className="import-summary-actions">
        {record && counts && counts.rejected > 0 && (
          <button type="button" className="button" disabled={downloading} onClick={() => void downloadRejected(record.id, delimiter)} data-testid="download-rejected">
            Download rejected rows
          </button>
        )}
        {record?.canUndo && <UndoConfirm record={record} />}
        {record && !record.canUndo && record.undoBlockedBy && <p className="muted">{record.undoBlockedBy}</p>}
        <span className="import-footer-spacer" />
        <button type="button" className="button button-primary" onClick={closeImport} data-testid="import-close">
          Close
        </button>
      </div>
    </div>
  );
}

function SummaryCounts({ counts }: { counts: ImportCounts }) {
  const items = [
    { key: 'read', label: 'rows read', value: counts.read },
    { key: 'created', label: 'new leads', value: counts.created },
    { key: 'updated', label: 'updated', value: counts.updated },
    { key: 'skipped', label: 'skipped duplicates', value: counts.skipped },
    { key: 'rejected', label: 'rejected', value: counts.rejected },
  ];
  return (
    <dl className="import-summary-counts">
      {items.map((item) => (
        <div key={item.key} className={`import-count import-count-${item.key}`}>
          <dt className="import-count-label">{item.label}</dt>
          <dd className="import-count-figure" data-testid={`summary-${item.key}`}>
            {formatCount(item.value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
