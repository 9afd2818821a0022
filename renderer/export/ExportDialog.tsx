import { useId } from 'react';
import { totalLeadCount, useBoard } from '../state/store.ts';
import { useWorkspace } from '../state/workspace.ts';
import { Modal } from '../ui/Modal.tsx';
import { ProgressBar } from '../jobs/ProgressBar.tsx';
import { describeProgress, formatBytes, progressPercent } from '../jobs/progress-format.ts';
import { LEADS, plural } from '../ui/numbers.ts';
import { ALL_FIELDS_COUNT, describeColumns } from './export-model.ts';
import { cancelExport, closeExport, downloadAgain, setChoice, setPrefs, startExport } from './export-actions.ts';
import { useExport } from './export-store.ts';
import './export.css';

/** Export CSV: what, with which delimiter and BOM; then the progress with Cancel; then where the file went. */
export function ExportDialog() {
  const source = useExport((s) => s.source);
  const phase = useExport((s) => s.phase);
  if (!source) return null;
  const title = source.kind === 'view' ? `Export “${source.viewName}” to CSV` : 'Export leads to CSV';
  return (
    <Modal title={title} onClose={closeExport} testId="export-dialog">
      {(phase === 'options' || phase === 'starting') && <ExportOptions />}
      {phase === 'running' && <ExportRunning />}
      {(phase === 'done' || phase === 'cancelled' || phase === 'failed') && <ExportOutcome />}
    </Modal>
  );
}

function ExportOptions() {
  const source = useExport((s) => s.source)!;
  const choice = useExport((s) => s.choice);
  const prefs = useExport((s) => s.prefs);
  const starting = useExport((s) => s.phase === 'starting');
  const shownCount = useBoard((s) => totalLeadCount(s.summaries));
  const allCount = useWorkspace((s) => s.counts.all);
  const columns = useWorkspace((s) => s.columns);
  const narrowed = useWorkspace((s) => s.filter.all.length > 0 || s.search !== '');
  const id = useId();

  const shownText =
    source.kind === 'view'
      ? `The view’s ${plural(source.count, LEADS)}, with its filter, columns and sort`
      : `${narrowed ? 'The' : 'All'} ${plural(shownCount, LEADS)} ${narrowed ? 'that match the filter' : 'shown'}, with the table’s columns: ${describeColumns(columns)}`;

  return (
    <form
      className="export-form"
      onSubmit={(e) => {
        e.preventDefault();
        void startExport();
      }}
    >
      <fieldset className="export-fieldset">
        <legend className="export-legend">What to export</legend>
        <label className="choice">
          <input type="radio" name={`${id}-what`} checked={choice === 'shown'} onChange={() => setChoice('shown')} data-testid="export-shown" />
          <span>
            <span className="choice-title">{source.kind === 'view' ? 'This view' : 'What is shown'}</span>
            <span className="choice-hint">{shownText}</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-what`} checked={choice === 'all'} onChange={() => setChoice('all')} data-testid="export-all" />
          <span>
            <span className="choice-title">All leads, every field</span>
            <span className="choice-hint">
              {allCount === null ? 'Every lead' : plural(allCount, LEADS)} with all {ALL_FIELDS_COUNT} fields: a backup that Voronka imports back as it was
            </span>
          </span>
        </label>
      </fieldset>
      {choice === 'shown' && source.kind === 'workspace' && shownCount === 0 && (
        <p className="export-warning" role="status">
          No lead matches the filter: the file will hold the header only.
        </p>
      )}
      <fieldset className="export-fieldset">
        <legend className="export-legend">Separator</legend>
        <div className="export-inline">
          <label className="choice">
            <input type="radio" name={`${id}-delimiter`} checked={prefs.delimiter === ','} onChange={() => setPrefs({ delimiter: ',' })} data-testid="export-comma" />
            <span className="choice-title">Comma</span>
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-delimiter`} checked={prefs.delimiter === ';'} onChange={() => setPrefs({ delimiter: ';' })} data-testid="export-semicolon" />
            <span className="choice-title">Semicolon</span>
          </label>
        </div>
        <p className="field-hint">Semicolon: Excel in Russian and other decimal-comma locales. Comma: Google Sheets, Numbers, Excel in English.</p>
      </fieldset>
      <label className="check export-bom">
        <input type="checkbox" checked={prefs.bom} onChange={(e) => setPrefs({ bom: e.target.checked })} data-testid="export-bom" />
        <span>
          UTF-8 byte order mark <span className="muted">— Excel opens Cyrillic correctly</span>
        </span>
      </label>
      <div className="modal-actions">
        <button type="button" className="button" onClick={closeExport}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={starting} data-testid="export-start">
          {starting ? 'Starting…' : 'Export'}
        </button>
      </div>
    </form>
  );
}

function ExportRunning() {
  const progress = useExport((s) => s.progress);
  const cancelling = useExport((s) => s.cancelling);
  const fileName = useExport((s) => s.fileName);
  return (
    <div className="export-running">
      <p className="modal-intro">
        Writing <strong>{fileName}</strong>…
      </p>
      <ProgressBar percent={progressPercent(progress)} label="Export progress" text={cancelling ? 'Cancelling…' : progress ? describeProgress(progress, LEADS, 'Writing') : 'Counting the leads…'} testId="export-progress" />
      <div className="modal-actions">
        <button type="button" className="button" disabled={cancelling} onClick={() => void cancelExport()} data-testid="export-cancel">
          Cancel export
        </button>
      </div>
    </div>
  );
}

function ExportOutcome() {
  const phase = useExport((s) => s.phase);
  const result = useExport((s) => s.result);
  const message = useExport((s) => s.message);
  return (
    <div className="export-outcome">
      {phase === 'done' && result && (
        <div className="export-done" role="status" data-testid="export-done">
          <p>
            Exported {plural(result.rows, LEADS)} to <strong>{result.fileName}</strong> ({formatBytes(result.bytes)}).
          </p>
          <p className="muted">
            {result.location ? (
              <>
                Saved to <span className="export-location">{result.location}</span>
              </>
            ) : (
              'Your browser is saving it to your downloads.'
            )}
          </p>
        </div>
      )}
      {phase === 'cancelled' && (
        <p className="export-cancelled" role="status" data-testid="export-cancelled">
          Export cancelled. No file was saved.
        </p>
      )}
      {phase === 'failed' && (
        <p className="form-error" role="alert" data-testid="export-failed">
          The export failed: {message} No file was saved.
        </p>
      )}
      <div className="modal-actions">
        {phase === 'done' && result?.downloadId && (
          <button type="button" className="button button-ghost" onClick={downloadAgain}>
            Download again
          </button>
        )}
        {phase !== 'done' && (
          <button type="button" className="button" onClick={() => useExport.setState({ phase: 'options' })} data-testid="export-retry">
            Back to the options
          </button>
        )}
        <button type="button" className="button button-primary" onClick={closeExport} data-testid="export-close">
          Close
        </button>
      </div>
    </div>
  );
}
