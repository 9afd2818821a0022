import { useId, useState, type DragEvent } from 'react';
import { inElectron } from '../api/files.ts';
import { ProgressBar } from '../jobs/ProgressBar.tsx';
import { describeBytesProgress, describeUpload, progressPercent } from '../jobs/progress-format.ts';
import { openSettings } from '../state/workspace-actions.ts';
import { UploadIcon } from '../ui/icons.tsx';
import { cancelScan, cancelUpload, chooseFile, closeImport, scanCancellable, uploadAndScan } from './import-actions.ts';
import { useImport } from './import-store.ts';

/** Step 1: pick the file (Electron's open dialog, or an upload to the harness in a browser). */
export function FileStep() {
  const busy = useImport((s) => s.wizard.busy);
  const error = useImport((s) => s.wizard.error);
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const electron = inElectron();

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy && !electron) void uploadAndScan(file);
  }

  return (
    <div className="import-file-step">
      <div
        className={`import-drop${dragging ? ' import-drop-active' : ''}`}
        onDragOver={(e) => {
          if (electron) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-drop"
      >
        <UploadIcon />
        <p className="import-drop-title">Choose the CSV file with your leads</p>
        <p className="muted">
          A prospect list, or an export of Excel, Google Sheets, HubSpot, Salesforce, Pipedrive, Twenty or Voronka. Nothing is
          imported before you have checked the columns and a preview.
        </p>
        {busy === null &&
          (electron ? (
            <button type="button" className="button button-primary" onClick={() => void chooseFile()} data-testid="import-choose">
              Choose a file…
            </button>
          ) : (
            <>
              <input
                id={inputId}
                className="visually-hidden"
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void uploadAndScan(file);
                }}
                data-testid="import-file-input"
              />
              <label htmlFor={inputId} className="button button-primary import-file-label">
                Choose a file…
              </label>
              <span className="muted import-drop-or">or drop it here</span>
            </>
          ))}
        {busy?.kind === 'choose' && <p role="status">Waiting for the file you choose…</p>}
        {busy?.kind === 'upload' && (
          <div className="import-progress">
            <ProgressBar percent={progressPercent({ done: busy.loaded, total: busy.total })} label="Upload progress" text={describeUpload(busy.loaded, busy.total)} testId="import-upload-progress" />
            <button type="button" className="button button-small" onClick={cancelUpload}>
              Cancel upload
            </button>
          </div>
        )}
        {busy?.kind === 'scan' && (
          <div className="import-progress">
            <ProgressBar percent={progressPercent(busy.progress)} label="Reading the file" text={describeBytesProgress(busy.progress, 'Reading the file')} testId="import-scan-progress" />
            {busy.progress && scanCancellable() && (
              <button type="button" className="button button-small" onClick={cancelScan}>
                Stop reading
              </button>
            )}
          </div>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      <ul className="import-notes">
        <li>Encodings UTF-8, Windows-1251 and UTF-16 are recognized, and separators comma, semicolon, tab or |.</li>
        <li>The first line must hold the column names. Lines that cannot be read are reported with their number, never guessed at.</li>
        <li>Every import can be undone as a whole from the import history.</li>
      </ul>
      <p className="import-history-link">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            closeImport();
            openSettings('imports');
          }}
        >
          See past imports
        </button>
      </p>
    </div>
  );
}
