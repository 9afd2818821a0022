import { useId } from 'react';
import type { ColumnMapping, PreviewRow } from '../../shared/domain/csv-transfer.ts';
import { ProgressBar } from '../jobs/ProgressBar.tsx';
import { describeProgress, progressPercent, type ProgressLike } from '../jobs/progress-format.ts';
import { formatCount, ROWS } from '../ui/numbers.ts';
import { useBoard } from '../state/store.ts';
import { setDuplicatePolicy } from './import-actions.ts';
import { useImport } from './import-store.ts';
import { ACTION_LABELS, countsSentence, duplicateOutcome, hasOtherFields, otherDetails, POLICY_CHOICES, previewColumns, storedValue } from './preview-model.ts';
import { RejectReasons } from './RejectReasons.tsx';
import { previewIsCurrent } from './wizard.ts';

/** Step 4: the first rows as they will be stored, what is wrong with the others, and what to do with duplicates. */
export function PreviewStep() {
  const wizard = useImport((s) => s.wizard);
  const stages = useBoard((s) => s.stages);
  const id = useId();
  const { preview, busy, error, columns, onDuplicate } = wizard;
  const current = previewIsCurrent(wizard);
  const checking = busy?.kind === 'preview' ? busy : null;

  if (!preview) {
    return (
      <div className="import-preview">
        {checking && <CheckingProgress progress={checking.progress} />}
        {error && (
          <p className="form-error" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
      </div>
    );
  }

  const { counts } = preview;
  const stageName = (key: string) => stages.find((s) => s.key === key)?.name ?? key;
  const shownColumns = previewColumns(columns);
  const hasMore = hasOtherFields(columns);

  return (
    <div className={current ? 'import-preview' : 'import-preview import-stale'} aria-busy={!current}>
      <div className="import-counts" data-testid="preview-counts">
        <div className="import-count import-count-new">
          <span className="import-count-figure" data-testid="count-new">
            {formatCount(counts.created)}
          </span>
          <span className="import-count-label">new {counts.created === 1 ? 'lead' : 'leads'}</span>
        </div>
        <div className="import-count import-count-dup">
          <span className="import-count-figure" data-testid="count-duplicates">
            {formatCount(counts.duplicates)}
          </span>
          <span className="import-count-label">{counts.duplicates === 1 ? 'duplicate' : 'duplicates'}</span>
        </div>
        <div className="import-count import-count-invalid">
          <span className="import-count-figure" data-testid="count-invalid">
            {formatCount(counts.rejected)}
          </span>
          <span className="import-count-label">invalid, not imported</span>
        </div>
        <p className="import-count-note" data-testid="preview-counts-sentence">
          {countsSentence(counts)}
        </p>
      </div>
      {checking && <CheckingProgress progress={checking.progress} />}
      {error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {(counts.duplicates > 0 || onDuplicate !== 'skip') && (
        <fieldset className="import-policy" data-testid="duplicate-policy">
          <legend className="import-subheading">{duplicateOutcome(counts, onDuplicate)}</legend>
          <div className="import-policy-choices">
            {POLICY_CHOICES.map((choice) => (
              <label key={choice.policy} className="choice import-policy-choice">
                <input type="radio" name={`${id}-policy`} checked={onDuplicate === choice.policy} onChange={() => setDuplicatePolicy(choice.policy)} data-testid={`policy-${choice.policy}`} />
                <span>
                  <span className="choice-title">{choice.title}</span>
                  <span className="choice-hint">{choice.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {preview.errorSummary.length > 0 && (
        <RejectReasons
          headingId={`${id}-errors`}
          level="h3"
          heading={`Why ${counts.rejected === 1 ? '1 row is' : `${formatCount(counts.rejected)} rows are`} not imported`}
          reasons={preview.errorSummary}
          testId="preview-error-summary"
        />
      )}
      <section aria-labelledby={`${id}-rows`}>
        <h3 id={`${id}-rows`} className="import-subheading">
          {preview.rows.length < counts.read ? `The first ${preview.rows.length} rows, as they will be stored` : 'The rows, as they will be stored'}
        </h3>
        <div className="import-table-scroll">
          <table className="import-table import-preview-table" data-testid="preview-table">
            <colgroup>
              <col className="import-col-line" />
              <col className="import-col-result" />
              {shownColumns.map((c) => (
                <col key={c.key} />
              ))}
              {hasMore && <col className="import-col-more" />}
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className="import-line">
                  Line
                </th>
                <th scope="col">Result</th>
                {shownColumns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
                {hasMore && <th scope="col">More</th>}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <PreviewRowView key={row.line} row={row} columns={shownColumns} hasMore={hasMore} stageName={stageName} mapping={columns} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

interface RowProps {
  row: PreviewRow;
  columns: ReturnType<typeof previewColumns>;
  hasMore: boolean;
  stageName: (key: string) => string;
  mapping: ColumnMapping;
}

function PreviewRowView({ row, columns, hasMore, stageName, mapping }: RowProps) {
  const span = columns.length + 2 + (hasMore ? 1 : 0);
  const lead = row.lead;
  return (
    <>
      <tr className={`import-row-${row.action}`} data-testid={`preview-row-${row.line}`}>
        <td className="import-line">{row.line}</td>
        <td>
          <span className={`import-badge import-badge-${row.action}`}>{ACTION_LABELS[row.action]}</span>
        </td>
        {columns.map((c) => {
          let value: string | null = null;
          if (lead) {
            if (c.key === 'name') value = storedValue(lead, 'firstName');
            else if (c.key === 'stage') value = stageName(lead.stageKey);
            else value = storedValue(lead, c.key);
          }
          return (
            <td key={c.key} title={value ?? ''}>
              {value ?? <span className="muted">—</span>}
            </td>
          );
        })}
        {hasMore && <td className="import-more">{lead ? otherDetails(lead, mapping) : ''}</td>}
      </tr>
      {row.errors.length > 0 && (
        <tr className="import-row-errors">
          <td />
          <td colSpan={span - 1}>
            <ul className="import-row-error-list" data-testid={`preview-errors-${row.line}`}>
              {row.errors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          </td>
        </tr>
      )}
      {row.action === 'skip' && row.duplicateOfLeadId !== null && (
        <tr className="import-row-note">
          <td />
          <td colSpan={span - 1}>Same e-mail as a lead already in Voronka: skipped.</td>
        </tr>
      )}
    </>
  );
}

/** The preview's check of every row, while it runs (before the first preview, and when settings change). */
function CheckingProgress({ progress }: { progress: ProgressLike | null }) {
  return <ProgressBar percent={progressPercent(progress)} label="Checking the rows" text={describeProgress(progress, ROWS, 'Checking rows')} testId="preview-progress" />;
}
