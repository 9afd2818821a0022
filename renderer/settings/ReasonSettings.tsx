import { REASON_KINDS } from '../../shared/domain/reasons.ts';
import { ReasonList } from './ReasonList.tsx';

/** The editable reason lists: lost, disqualification, recycling. */
export function ReasonSettings() {
  return (
    <section className="settings-section" aria-labelledby="settings-reasons">
      <h3 id="settings-reasons" className="settings-heading">
        Reason lists
      </h3>
      <div className="reason-kinds">
        {REASON_KINDS.map((kind) => (
          <ReasonList key={kind} kind={kind} />
        ))}
      </div>
    </section>
  );
}
