import { ProgressBar } from '../jobs/ProgressBar.tsx';
import { describeProgress, progressPercent } from '../jobs/progress-format.ts';
import { ROWS } from '../ui/numbers.ts';
import { cancelImport } from './import-actions.ts';
import { useImport } from './import-store.ts';

/** Step 5: the import runs in main, in batches; Cancel stops it after the current batch. */
export function RunStep() {
  const progress = useImport((s) => s.wizard.progress);
  const cancelling = useImport((s) => s.wizard.cancelling);
  const error = useImport((s) => s.wizard.error);
  const fileName = useImport((s) => s.wizard.file?.name ?? 'the file');
  return (
    <div className="import-run">
      <p>
        Importing <strong>{fileName}</strong>…
      </p>
      <ProgressBar
        percent={progressPercent(progress)}
        label="Import progress"
        text={cancelling ? 'Cancelling after the current batch…' : describeProgress(progress, ROWS, 'Importing')}
        testId="import-progress"
      />
      <p className="muted">
        Cancel stops after the current batch: the rows already committed stay, and the whole import can be undone from the import history.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="import-run-actions">
        <button type="button" className="button" disabled={cancelling} onClick={() => void cancelImport()} data-testid="import-cancel">
          {cancelling ? 'Cancelling…' : 'Cancel import'}
        </button>
      </div>
    </div>
  );
}
