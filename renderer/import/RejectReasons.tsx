import type { ImportPreview } from '../../shared/domain/csv-transfer.ts';
import { plural, ROWS } from '../ui/numbers.ts';

interface RejectReasonsProps {
  headingId: string;
  /** h3 in the preview, h4 under the summary's own heading. */
  level: 'h3' | 'h4';
  heading: string;
  reasons: ImportPreview['errorSummary'];
  testId?: string;
}

/** Why rows are not imported: each reason with how many rows it stopped (the preview, and the summary after). */
export function RejectReasons({ headingId, level: Heading, heading, reasons, testId }: RejectReasonsProps) {
  return (
    <section className="import-error-summary" aria-labelledby={headingId} data-testid={testId}>
      <Heading id={headingId} className="import-subheading">
        {heading}
      </Heading>
      <ul>
        {reasons.map((item) => (
          <li key={item.message}>
            {item.message} <span className="import-error-count">({plural(item.count, ROWS)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
