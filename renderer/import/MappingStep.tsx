import type { ImportField } from '../../shared/domain/csv-transfer.ts';
import { useBoard } from '../state/store.ts';
import { setColumn, setDefaultStage } from './import-actions.ts';
import { useImport } from './import-store.ts';
import { columnName, FIELD_GROUPS, fieldLabel, mappedCount, mappingWarning, sampleValues } from './mapping-model.ts';
import { ValueMatching } from './ValueMatching.tsx';

/** Step 3: what each column of the file becomes; beside it, the stage of rows that do not say and the values to match. */
export function MappingStep() {
  const scan = useImport((s) => s.wizard.scan);
  const columns = useImport((s) => s.wizard.columns);
  const origin = useImport((s) => s.wizard.mappingOrigin);
  const error = useImport((s) => s.wizard.error);
  if (!scan) return null;

  return (
    <div className="import-mapping">
      {origin === 'remembered' ? (
        <p className="import-info" data-testid="mapping-remembered">
          Remembered from your last import of this file layout: the columns are set as you mapped them then.
        </p>
      ) : (
        <p className="muted">Suggested from the column names. Check each one; a column set to “Don’t import” is left out.</p>
      )}
      <div className="import-mapping-layout">
        <div className="import-mapping-main">
          <ColumnTable />
          <MappingNotes />
        </div>
        <aside className="import-side" aria-labelledby="import-side-heading">
          <h3 id="import-side-heading" className="import-subheading">
            Stages and owners
          </h3>
          <DefaultStage stageColumn={columns.includes('stage')} />
          <ValueMatching />
        </aside>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
    </div>
  );
}

function ColumnTable() {
  const scan = useImport((s) => s.wizard.scan)!;
  const columns = useImport((s) => s.wizard.columns);
  return (
    <div className="import-table-scroll">
      <table className="import-table import-mapping-table" data-testid="mapping-table">
        <colgroup>
          <col className="import-col-name" />
          <col />
          <col className="import-col-field" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">First values</th>
            <th scope="col">Import as</th>
          </tr>
        </thead>
        <tbody>
          {scan.header.map((_, i) => {
            const name = columnName(scan.header, i);
            const field = columns[i] ?? null;
            const values = sampleValues(scan.sample, i, 2);
            return (
              <tr key={i} className={field === null ? 'import-unmapped' : undefined} data-testid={`mapping-row-${i}`}>
                <th scope="row" className="import-column-name" title={name}>
                  {name}
                </th>
                <td className="import-samples">
                  <div className="import-sample-list">
                    {values.length > 0 ? (
                      values.map((value, j) => (
                        <span key={j} className="import-sample" title={value}>
                          {value}
                        </span>
                      ))
                    ) : (
                      <span className="muted">empty in the first rows</span>
                    )}
                  </div>
                </td>
                <td className="import-field-cell">
                  <select
                    className="input select"
                    aria-label={`Import “${name}” as`}
                    value={field ?? ''}
                    onChange={(e) => setColumn(i, (e.target.value || null) as ImportField | null)}
                    data-testid={`mapping-select-${i}`}
                  >
                    <option value="">Don’t import</option>
                    {FIELD_GROUPS.map((group) => (
                      <optgroup key={group.label} label={group.label}>
                        {group.keys.map((key) => (
                          <option key={key} value={key}>
                            {fieldLabel(key)}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** How many columns are imported, a field taken from another column, a likely mistake. */
function MappingNotes() {
  const scan = useImport((s) => s.wizard.scan)!;
  const columns = useImport((s) => s.wizard.columns);
  const displaced = useImport((s) => s.wizard.displaced);
  const warning = mappingWarning(columns);
  return (
    <>
      <p className="muted import-mapped-count" aria-live="polite">
        {mappedCount(columns)} of {scan.header.length} columns imported.
        {displaced && ` “${fieldLabel(displaced.field)}” was taken from “${columnName(scan.header, displaced.from)}”, which is now not imported.`}
      </p>
      {warning && <p className="import-warning">{warning}</p>}
    </>
  );
}

function DefaultStage({ stageColumn }: { stageColumn: boolean }) {
  const defaultStageKey = useImport((s) => s.wizard.defaultStageKey);
  const stages = useBoard((s) => s.stages);
  const sorted = [...stages].sort((a, b) => a.position - b.position);
  return (
    <div className="field">
      <label className="field-label" htmlFor="import-default-stage">
        {stageColumn ? 'Stage of rows with an empty stage' : 'Stage of the imported leads'}
      </label>
      <select
        id="import-default-stage"
        className="input select"
        value={defaultStageKey ?? sorted[0]?.key ?? ''}
        onChange={(e) => setDefaultStage(e.target.value || null)}
        data-testid="import-default-stage"
      >
        {sorted.map((stage) => (
          <option key={stage.key} value={stage.key}>
            {stage.name}
          </option>
        ))}
      </select>
    </div>
  );
}
