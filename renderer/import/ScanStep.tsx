import type { CsvFileDelimiter, CsvFileEncoding } from '../../shared/domain/csv-transfer.ts';
import { ProgressBar } from '../jobs/ProgressBar.tsx';
import { describeBytesProgress, formatBytes, progressPercent } from '../jobs/progress-format.ts';
import { formatCount, plural, ROWS } from '../ui/numbers.ts';
import { setReadChoice } from './import-actions.ts';
import { useImport } from './import-store.ts';
import { columnName } from './mapping-model.ts';
import { DELIMITER_LABELS, ENCODING_LABELS } from './preview-model.ts';

/** Under a select: whether it shows what was detected, or the seller's correction of it. */
function readNote(detected: boolean, what: string): string {
  return detected ? 'Detected in the file' : `Your choice (the file looked like ${what})`;
}

/** Step 2: what the file is (encoding, separator, rows), the lines that cannot be read, and a sample. */
export function ScanStep() {
  const scan = useImport((s) => s.wizard.scan);
  const busy = useImport((s) => s.wizard.busy);
  const error = useImport((s) => s.wizard.error);
  const encoding = useImport((s) => s.wizard.encoding);
  const delimiter = useImport((s) => s.wizard.delimiter);
  if (!scan) return null;
  const reading = busy?.kind === 'scan';

  return (
    <div className="import-scan">
      <dl className="import-facts" data-testid="scan-facts">
        <div>
          <dt>File</dt>
          <dd data-testid="scan-file">
            {scan.file.name} <span className="muted">({formatBytes(scan.file.size)})</span>
          </dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd data-testid="scan-records">
            {plural(scan.records, ROWS)} <span className="muted">after the header, {plural(scan.header.length, { one: 'column', many: 'columns' })}</span>
          </dd>
        </div>
        <div>
          <dt>
            <label htmlFor="scan-encoding">Encoding</label>
          </dt>
          <dd>
            <select
              id="scan-encoding"
              className="input select"
              value={encoding ?? scan.encoding}
              disabled={reading}
              onChange={(e) => setReadChoice({ encoding: e.target.value as CsvFileEncoding })}
              data-testid="scan-encoding"
            >
              {(Object.keys(ENCODING_LABELS) as CsvFileEncoding[]).map((key) => (
                <option key={key} value={key}>
                  {ENCODING_LABELS[key]}
                </option>
              ))}
            </select>
            <span className="muted import-fact-note">{readNote(encoding === null, ENCODING_LABELS[scan.encoding])}{scan.bom ? ', with a byte order mark' : ''}</span>
          </dd>
        </div>
        <div>
          <dt>
            <label htmlFor="scan-delimiter">Separator</label>
          </dt>
          <dd>
            <select
              id="scan-delimiter"
              className="input select"
              value={delimiter ?? scan.delimiter}
              disabled={reading}
              onChange={(e) => setReadChoice({ delimiter: e.target.value as CsvFileDelimiter })}
              data-testid="scan-delimiter"
            >
              {(Object.keys(DELIMITER_LABELS) as CsvFileDelimiter[]).map((key) => (
                <option key={key} value={key}>
                  {DELIMITER_LABELS[key]}
                </option>
              ))}
            </select>
            <span className="muted import-fact-note">{readNote(delimiter === null, DELIMITER_LABELS[scan.delimiter])}</span>
          </dd>
        </div>
      </dl>
      {reading && <ProgressBar percent={progressPercent(busy.progress)} label="Reading the file" text={describeBytesProgress(busy.progress, 'Reading the file')} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!scan.delimiterConfident && delimiter === null && (
        <p className="import-warning" data-testid="scan-guess">
          The separator is a guess: check that the sample below shows one value per column, else pick another separator.
        </p>
      )}
      {scan.problemCount > 0 ? (
        <section className="import-problems" aria-labelledby="scan-problems" data-testid="scan-problems">
          <h3 id="scan-problems" className="import-subheading">
            {scan.problemCount === 1 ? '1 line cannot be read as it is' : `${formatCount(scan.problemCount)} lines cannot be read as they are`}
          </h3>
          <p className="muted">
            {scan.problemCount === 1
              ? 'It will not be imported: after the import you can download it with the reason, fix it and import it again.'
              : 'They will not be imported: after the import you can download them with the reason, fix them and import them again.'}{' '}
            The other rows are not affected.
          </p>
          <ul className="import-problem-list">
            {scan.problems.map((problem) => (
              <li key={problem.line}>{problem.message}</li>
            ))}
          </ul>
          {scan.problemCount > scan.problems.length && <p className="muted">…and {formatCount(scan.problemCount - scan.problems.length)} more.</p>}
        </section>
      ) : (
        <p className="import-ok" data-testid="scan-no-problems">
          Every line has {plural(scan.header.length, { one: 'column', many: 'columns' })}, like the header.
        </p>
      )}
      <section aria-labelledby="scan-sample">
        <h3 id="scan-sample" className="import-subheading">
          The first rows, as read
        </h3>
        <div className="import-table-scroll">
          <table className="import-table" data-testid="scan-sample">
            <thead>
              <tr>
                <th scope="col" className="import-line">
                  Line
                </th>
                {scan.header.map((_, i) => (
                  <th key={i} scope="col">
                    {columnName(scan.header, i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {scan.sample.map((record) => (
                <tr key={record.line}>
                  <td className="import-line">{record.line}</td>
                  {scan.header.map((_, i) => (
                    <td key={i} title={record.fields[i] ?? ''}>
                      {record.fields[i] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
